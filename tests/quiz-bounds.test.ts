// Quiz limits and honest feedback, on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/srs/settings";
import { answerQuizItem } from "@/server/quiz/answer-quiz";
import { createQuiz, QUIZ_LIMITS, type CreateQuizInput } from "@/server/quiz/create-quiz";
import { QuizError } from "@/server/quiz/errors";
import { suspendCard } from "@/server/review/card-flags";
import type { TestDb } from "./helpers/test-db";
import { twoUserDb } from "./helpers/two-users";

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const t0 = new Date("2026-04-01T10:00:00Z");
const minutes = (n: number) => new Date(t0.getTime() + n * 60_000);
let t: TestDb;
let alice: string;
let bob: string;
beforeEach(async () => {
  ({ t, alice, bob } = await twoUserDb());
});
afterEach(async () => {
  await t.close();
});
const mc = (over: Partial<CreateQuizInput> = {}): CreateQuizInput => ({ categories: ["initialization", "training"], mode: "multiple-choice", style: "name", length: 10, countsTowardSchedule: false, cardKinds: [], ...over });

describe("quiz creation is bounded", () => {
  it("refuses the 61st quiz started within the hour's window, with a reason; another user is unaffected", async () => {
    expect(QUIZ_LIMITS.perHour).toBe(60);
    for (let i = 0; i < 60; i++) await createQuiz(t.db, alice, mc(), minutes(i / 2), i);
    const refused = await createQuiz(t.db, alice, mc(), minutes(31), 99).catch((e) => e);
    expect(refused).toBeInstanceOf(QuizError);
    expect(refused.code).toBe("too_many_quizzes");
    expect(await t.db.quizAttempt.count({ where: { userId: alice } })).toBe(10); // abandoned ones were cleaned up
    expect(await createQuiz(t.db, bob, mc(), minutes(31), 1)).toEqual(expect.any(String));
    // the next hour's window has room again
    expect(await createQuiz(t.db, alice, mc(), minutes(61), 100)).toEqual(expect.any(String));
  });

  it("removes abandoned quizzes: unfinished ones older than a week, and all but the 10 newest unfinished", async () => {
    const old = await createQuiz(t.db, alice, mc(), minutes(0), 1);
    const ids: string[] = [];
    const day8 = 8 * 24 * 60;
    for (let i = 0; i < 12; i++) ids.push(await createQuiz(t.db, alice, mc(), minutes(day8 + i), 10 + i));
    const left = (await t.db.quizAttempt.findMany({ where: { userId: alice }, orderBy: { startedAt: "asc" }, select: { id: true } })).map((a) => a.id);
    expect(left).not.toContain(old);
    expect(left).toEqual(ids.slice(-10));
    expect(await t.db.quizItem.count({ where: { attemptId: old } })).toBe(0);
  });
});

describe("counted answers say what really happened", () => {
  it("an answer on a suspended card is not graded, and the feedback does not claim it was", async () => {
    const id = await createQuiz(t.db, alice, mc({ countsTowardSchedule: true, categories: ["initialization"] }), t0, 5);
    const item = await t.db.quizItem.findFirstOrThrow({ where: { attemptId: id, position: 0 } });
    await suspendCard(t.db, alice, item.cardId, t0);
    const choices = item.choices as string[];
    const feedback = await answerQuizItem(t.db, alice, { attemptId: id, position: 0, answer: choices.indexOf(item.correct), durationMs: 1000 }, minutes(0.05), settings);
    expect(feedback).toMatchObject({ isCorrect: true, rating: null });
    expect(await t.db.reviewLog.count()).toBe(0);
    expect((await t.db.quizItem.findUniqueOrThrow({ where: { id: item.id } })).rating).toBeNull();
  });

  it("skipping a flashcard whose card was removed scores neither right nor wrong", async () => {
    const id = await createQuiz(t.db, alice, { ...mc(), mode: "flashcards", style: "due-first", length: "all" }, t0, 6);
    const first = await t.db.quizItem.findFirstOrThrow({ where: { attemptId: id, position: 0 } });
    await t.db.card.update({ where: { id: first.cardId }, data: { archivedAt: t0 } });
    const feedback = await answerQuizItem(t.db, alice, { attemptId: id, position: 0, answer: 3, durationMs: 1000 }, minutes(1), settings);
    expect(feedback).toMatchObject({ isCorrect: null, rating: null, given: "Skipped (the card was removed)" });
    expect(await t.db.reviewLog.count()).toBe(0);
  });
});
