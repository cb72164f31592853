// A user with a bit of everything, made over HTTP like the browser would: settings, a daily goal,
// graded cards (the last grade still undoable), a suspended, a flag-suspended and a buried card,
// and a counted quiz with one wrong answer. The attack specs then aim at these ids.
import { expect } from "@playwright/test";
import type { ActionClient } from "./actions-http";
import { asReview, callAction, signUpHttp, type ReviewResult } from "./app-actions";
import { query, userIdOf } from "./db-snapshot";

export interface Victim {
  email: string;
  userId: string;
  client: ActionClient;
  /** a card the user graded, with its current version */
  graded: { cardId: string; version: number };
  /** the user's latest (undoable) review log */
  lastLogId: string;
  suspendedCardId: string;
  flagSuspendedCardId: string;
  buriedCardId: string;
  attemptId: string;
}

const currentCard = (r: ReviewResult | undefined) => {
  const card = r?.view?.card;
  if (!r?.ok || !card) throw new Error(`no current card: ${JSON.stringify(r)?.slice(0, 300)}`);
  return card;
};

export async function makeVictim(client: ActionClient, dbFile: string, tag = "victim"): Promise<Victim> {
  const { email } = await signUpHttp(client, tag);
  const userId = userIdOf(dbFile, email);
  const categories = query<{ slug: string }>(dbFile, "SELECT slug FROM Category ORDER BY position").map((c) => c.slug);

  const settings = await callAction(client, "updateSettings", {
    desiredRetention: "0.85", maximumInterval: "3650", newCardsPerDay: "25", reviewsPerDay: "300", learningSteps: "2m 15m",
    relearningSteps: "12m", enableFuzz: "on", dayStartHour: "5", timeZone: "Europe/Paris", dailyGoal: "42", leechThreshold: "8", leechAction: "flag", categories,
  });
  expect(settings.value, "the victim's settings are saved").toMatchObject({ ok: true });
  expect((await callAction(client, "updateDailyGoal", { dailyGoal: "17" })).value).toMatchObject({ ok: true });

  // three grades: the first card twice (so it has version 2), then another card
  let view = asReview(await callAction(client, "loadReview", []));
  const first = currentCard(view);
  let r = asReview(await callAction(client, "recordReview", { cardId: first.cardId, expectedVersion: 0, rating: 1, durationMs: 4000 }));
  expect(r?.ok).toBe(true);
  r = asReview(await callAction(client, "recordReview", { cardId: first.cardId, expectedVersion: 1, rating: 3, durationMs: 3000 }));
  expect(r?.ok).toBe(true);
  const second = currentCard(r);
  r = asReview(await callAction(client, "recordReview", { cardId: second.cardId, expectedVersion: second.version, rating: 3, durationMs: 2500 }));
  expect(r?.ok).toBe(true);
  const lastLogId = r!.undo!.logId;

  const toSuspend = currentCard(r);
  view = asReview(await callAction(client, "suspendCard", { cardId: toSuspend.cardId }));
  expect(view?.ok).toBe(true);
  const toBury = currentCard(view);
  expect(asReview(await callAction(client, "buryCard", { cardId: toBury.cardId }))?.ok).toBe(true);
  const flagged = `${first.cardId.split("/")[0]}/why`;
  expect((await callAction(client, "setCardSuspended", { cardId: flagged, suspend: "true" })).value).toMatchObject({ ok: true });

  const quiz = await callAction(client, "startQuiz", { mode: "typed", categories: [categories[1]], length: "10", countsTowardSchedule: "on" });
  const attemptId = quiz.redirect?.match(/\/quiz\/([^/?]+)$/)?.[1];
  if (!attemptId) throw new Error(`the quiz did not start: ${quiz.status} ${JSON.stringify(quiz.value)}`);
  const answer = await callAction(client, "answerQuiz", { attemptId, position: 0, answer: "surely not this", durationMs: 5000 }, { path: `/quiz/${attemptId}` });
  expect(answer.value).toMatchObject({ ok: true });

  return { email, userId, client, graded: { cardId: first.cardId, version: 2 }, lastLogId, suspendedCardId: toSuspend.cardId, flagSuspendedCardId: flagged, buriedCardId: toBury.cardId, attemptId };
}
