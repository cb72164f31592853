// "Reschedule all" against a real SQLite file: every reviewed card is replayed from its whole log
// (reviews and counted quiz answers) under the NEW settings, and must land on the states ts-fsrs
// gives for those settings (committed fixtures, see scripts/fixtures/fsrs-fixtures.ts).
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { answerQuizItem } from "@/server/quiz/answer-quiz";
import { createQuiz, type CreateQuizInput } from "@/server/quiz/create-quiz";
import { recordReview } from "@/server/review/grade";
import { rescheduleAll } from "@/server/review/reschedule";
import { fsrsFixture, rowAsFixture } from "./helpers/fsrs-fixtures";
import type { TestDb } from "./helpers/test-db";
import { twoUserDb } from "./helpers/two-users";

let t: TestDb;
let alice: string;
beforeEach(async () => {
  ({ t, alice } = await twoUserDb());
});
afterEach(async () => {
  await t.close();
});

const stateOf = (cardId: string) => t.db.cardState.findUnique({ where: { userId_cardId: { userId: alice, cardId } } });

describe("reschedule all", () => {
  it("replays counted quiz answers and reviews under the new settings, to fixed expected states", async () => {
    const withReviews = { before: fsrsFixture("quizThenReviews/default"), after: fsrsFixture("quizThenReviews/rescheduled") };
    const quizOnly = { before: fsrsFixture("quizOnly/default"), after: fsrsFixture("quizOnly/rescheduled") };
    const settings = withReviews.before.settings;
    const t0 = withReviews.before.reviews[0].at;
    // the new settings (retention 0.9 -> 0.97, other learning and relearning steps) move every due date
    expect(withReviews.after.final.due).not.toBe(withReviews.before.final.due);
    expect(quizOnly.after.final.due).not.toBe(quizOnly.before.final.due);

    const quiz: CreateQuizInput = { categories: ["initialization", "training"], mode: "multiple-choice", style: "name", length: 10, countsTowardSchedule: true, cardKinds: [] };
    const id = await createQuiz(t.db, alice, quiz, t0, 12);
    const items = await t.db.quizItem.findMany({ where: { attemptId: id }, orderBy: { position: "asc" } });
    expect(items).toHaveLength(2);
    for (const item of items) {
      // right and fast: Good, logged as a quiz answer
      const answer = (item.choices as string[]).indexOf(item.correct);
      expect(await answerQuizItem(t.db, alice, { attemptId: id, position: item.position, answer, durationMs: 2000 }, t0, settings)).toMatchObject({ isCorrect: true, rating: 3 });
    }
    const [x, y] = items.map((i) => i.cardId);
    for (const r of withReviews.before.reviews.slice(1)) {
      const version = (await stateOf(x))!.version;
      await recordReview(t.db, alice, { cardId: x, expectedVersion: version, rating: r.rating, durationMs: 1000 }, r.at, settings);
    }
    expect(rowAsFixture((await stateOf(x))!)).toEqual(withReviews.before.final);
    expect(rowAsFixture((await stateOf(y))!)).toEqual(quizOnly.before.final);
    const logs = await t.db.reviewLog.findMany({ orderBy: { id: "asc" } });
    expect(logs.map((l) => l.source)).toEqual(expect.arrayContaining(["quiz", "review"]));

    expect(await rescheduleAll(t.db, alice, withReviews.after.settings)).toBe(2);

    expect(rowAsFixture((await stateOf(x))!)).toEqual(withReviews.after.final);
    expect(rowAsFixture((await stateOf(y))!)).toEqual(quizOnly.after.final);
    expect(await t.db.reviewLog.findMany({ orderBy: { id: "asc" } })).toEqual(logs);
  });
});
