// Quizzes against a real SQLite file: creation, answering rules, schedule effects, isolation.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseCatalogue } from "@/lib/content/parse";
import { DEFAULT_SETTINGS } from "@/lib/srs/settings";
import { syncContent } from "@/prisma/sync-content";
import { answerQuizItem } from "@/server/quiz/answer-quiz";
import { createQuiz, type CreateQuizInput } from "@/server/quiz/create-quiz";
import { QuizError } from "@/server/quiz/errors";
import { quizState } from "@/server/quiz/quiz-view";
import { categoriesFile, trickFile } from "./helpers/content-fixtures";
import { createTestDb, type TestDb } from "./helpers/test-db";

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const t0 = new Date("2026-04-01T10:00:00Z");
let t: TestDb;
let alice: string;
let bob: string;

const reverseCard = `\n  - key: reverse\n    kind: reverse\n    prompt: Which trick is described here?\n    answer: it`;
beforeEach(async () => {
  t = createTestDb();
  const files = ["alpha", "beta", "gamma"].map((slug) => {
    const f = trickFile({ slug });
    f.text = f.text.replace("name: Fan-in initialisation", `name: ${slug} trick`).replace("\n---\n", `${reverseCard}\n---\n`);
    return f;
  });
  files.push(trickFile({ slug: "delta", category: "training" }));
  const { catalogue, errors } = parseCatalogue(categoriesFile, files);
  expect(errors).toEqual([]);
  await syncContent(t.db, catalogue!);
  alice = (await t.db.user.create({ data: { email: "alice@example.com" } })).id;
  bob = (await t.db.user.create({ data: { email: "bob@example.com" } })).id;
});
afterEach(async () => {
  await t.close();
});

const mc = (over: Partial<CreateQuizInput> = {}): CreateQuizInput => ({
  categories: ["initialization"],
  mode: "multiple-choice",
  style: "name",
  length: 10,
  countsTowardSchedule: false,
  cardKinds: [],
  ...over,
});
const items = (attemptId: string) => t.db.quizItem.findMany({ where: { attemptId }, orderBy: { position: "asc" } });
const answerRight = async (attemptId: string, position: number, durationMs = 2000, at = t0) => {
  const item = (await items(attemptId))[position];
  const choices = item.choices as string[];
  return answerQuizItem(t.db, alice, { attemptId, position, answer: choices.indexOf(item.correct), durationMs }, at, settings);
};
/** The message of the QuizError a call is refused with; "accepted" if it went through; any other error is rethrown. */
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "accepted",
    (e: unknown) => {
      if (e instanceof QuizError) return e.message;
      throw e;
    },
  );
const NOT_CURRENT = "That question is not the current one (it was probably answered already). Here is where you are.";

describe("multiple-choice quizzes", () => {
  it("ask one question per trick of the chosen categories, with a distractor from another category when needed", async () => {
    const id = await createQuiz(t.db, alice, mc(), t0, 7);
    const list = await items(id);
    expect(list).toHaveLength(3);
    for (const item of list) {
      expect(item.choices).toHaveLength(4); // only 3 tricks in the category: one choice comes from Training
      expect(item.choices).toContain(item.correct);
      expect(item.cardId).toMatch(/\/reverse$/);
    }
  });

  it("leave the schedule untouched when not counted, and grade the card when counted", async () => {
    const off = await createQuiz(t.db, alice, mc(), t0, 1);
    for (let p = 0; p < 3; p++) await answerRight(off, p);
    expect(await t.db.cardState.count()).toBe(0);
    expect(await t.db.reviewLog.count()).toBe(0);
    expect((await t.db.quizAttempt.findUniqueOrThrow({ where: { id: off } })).finishedAt).toEqual(t0);

    const on = await createQuiz(t.db, alice, mc({ countsTowardSchedule: true }), t0, 2);
    // "slow" is the time the server measured from serving the question (the previous answer)
    const fast = await answerRight(on, 0, 2000, new Date(t0.getTime() + 2000));
    const slow = await answerRight(on, 1, 20_000, new Date(t0.getTime() + 22_000));
    const item = (await items(on))[2];
    const wrongIndex = (item.choices as string[]).findIndex((c) => c !== item.correct);
    const wrong = await answerQuizItem(t.db, alice, { attemptId: on, position: 2, answer: wrongIndex, durationMs: 1000 }, new Date(t0.getTime() + 23_000), settings);
    expect([fast.rating, slow.rating, wrong.rating]).toEqual([3, 2, 1]);
    expect(wrong).toMatchObject({ isCorrect: false, finished: true });
    const logs = await t.db.reviewLog.findMany({ orderBy: { createdAt: "asc" } });
    expect(logs.map((l) => [l.rating, l.source])).toEqual([
      [3, "quiz"],
      [2, "quiz"],
      [1, "quiz"],
    ]);
    expect(await t.db.cardState.count({ where: { userId: alice } })).toBe(3);
  });

  it("judge slowness by the time the server measured, never by the client's claim", async () => {
    const on = await createQuiz(t.db, alice, mc({ countsTowardSchedule: true }), t0, 21);
    // claims 20 s but answered 2 s after the question was served: Good, and 2 s is stored
    const claimedSlow = await answerRight(on, 0, 20_000, new Date(t0.getTime() + 2000));
    // claims 1 s but the server served the question 30 s earlier: Hard, and the claim (1 s) is stored
    const claimedFast = await answerRight(on, 1, 1000, new Date(t0.getTime() + 32_000));
    expect([claimedSlow.rating, claimedFast.rating]).toEqual([3, 2]);
    expect((await items(on)).slice(0, 2).map((i) => i.durationMs)).toEqual([2000, 1000]);
    // a claim of a day is capped at what the server saw
    const day = await answerRight(on, 2, 86_400_000, new Date(t0.getTime() + 33_000));
    expect(day.rating).toBe(3);
    expect((await items(on))[2].durationMs).toBe(1000);
    expect((await t.db.reviewLog.findMany({ where: { userId: alice }, orderBy: { review: "asc" } })).map((l) => l.durationMs)).toEqual([2000, 1000, 1000]);
  });

  it("refuse an answer for a question that is not the current one, a repeated answer and a finished quiz", async () => {
    const id = await createQuiz(t.db, alice, mc(), t0, 3);
    expect(await refusal(answerQuizItem(t.db, alice, { attemptId: id, position: 1, answer: 0, durationMs: 1 }, t0, settings))).toBe(NOT_CURRENT);
    await answerRight(id, 0);
    expect(await refusal(answerRight(id, 0))).toBe(NOT_CURRENT);
    const answered = await items(id);
    expect(answered.filter((i) => i.answeredAt)).toHaveLength(1);
    await answerRight(id, 1);
    await answerRight(id, 2);
    expect(await refusal(answerRight(id, 2))).toBe("This quiz is already finished.");
  });

  it("refuse answers to another user's quiz and hide it from them", async () => {
    const id = await createQuiz(t.db, alice, mc(), t0, 4);
    expect(await refusal(answerQuizItem(t.db, bob, { attemptId: id, position: 0, answer: 0, durationMs: 1 }, t0, settings))).toBe("That quiz was not found.");
    expect(await quizState(t.db, bob, id, settings, t0)).toBeNull();
    expect((await items(id)).every((i) => i.answeredAt === null)).toBe(true);
  });

  it("resume where the user was, and report per-category results with the missed items", async () => {
    const id = await createQuiz(t.db, alice, mc({ categories: ["initialization", "training"], length: "all" }), t0, 5);
    await answerRight(id, 0);
    const resumed = await quizState(t.db, alice, id, settings, t0);
    expect(resumed).toMatchObject({ total: 4, answered: 1, finished: false, current: { position: 1 } });
    const item = (await items(id))[1];
    await answerQuizItem(t.db, alice, { attemptId: id, position: 1, answer: (item.choices as string[]).findIndex((c) => c !== item.correct), durationMs: 1 }, t0, settings);
    await answerRight(id, 2);
    await answerRight(id, 3);
    const done = await quizState(t.db, alice, id, settings, t0);
    expect(done!.results).toMatchObject({ correct: 3, total: 4 });
    expect(done!.results!.perCategory.reduce((n, c) => n + c.total, 0)).toBe(4);
    expect(done!.results!.missed).toHaveLength(1);
    expect(done!.results!.missedCardIds).toEqual([item.cardId]);
  });
});

describe("changes under a running quiz", () => {
  it("a card archived since the quiz began is answered without grading, so the quiz can finish", async () => {
    const id = await createQuiz(t.db, alice, mc({ countsTowardSchedule: true }), t0, 11);
    const first = (await items(id))[0];
    await t.db.card.update({ where: { id: first.cardId }, data: { archivedAt: t0 } });
    const f = await answerRight(id, 0);
    expect(f.position).toBe(0);
    expect(await t.db.reviewLog.count({ where: { cardId: first.cardId } })).toBe(0);
    await answerRight(id, 1);
    expect((await answerRight(id, 2)).finished).toBe(true);
  });
});

describe("typed recall", () => {
  it("accepts the name with other case and spacing, and aliases", async () => {
    const id = await createQuiz(t.db, alice, mc({ mode: "typed", style: "mixed" }), t0, 9);
    const list = await items(id);
    const given = list.map((i) => i.correct.toUpperCase().replace(/ /g, "  "));
    for (const [p, answer] of given.entries()) {
      const f = await answerQuizItem(t.db, alice, { attemptId: id, position: p, answer, durationMs: 1 }, t0, settings);
      expect(f.isCorrect).toBe(true);
    }
  });
});

describe("flashcard quizzes", () => {
  it("grade through the review machinery: due or new cards as reviews, early ones as cram", async () => {
    const id = await createQuiz(t.db, alice, { ...mc(), mode: "flashcards", style: "due-first", length: 10, cardKinds: ["what"] }, t0, 1);
    const list = await items(id);
    expect(list.map((i) => i.cardId)).toEqual(["alpha/what", "beta/what", "gamma/what"]);
    await answerQuizItem(t.db, alice, { attemptId: id, position: 0, answer: 4, durationMs: 3000 }, t0, settings);
    // the same card again, long before it is due: logged as cram
    const again = await createQuiz(t.db, alice, { ...mc(), mode: "flashcards", style: "cram", length: "all", cardKinds: ["what"], cardIds: ["alpha/what"] }, t0, 1);
    await answerQuizItem(t.db, alice, { attemptId: again, position: 0, answer: 3, durationMs: 3000 }, new Date(t0.getTime() + 3_600_000), settings);
    const logs = await t.db.reviewLog.findMany({ where: { cardId: "alpha/what" }, orderBy: { review: "asc" } });
    expect(logs.map((l) => l.source)).toEqual(["review", "cram"]);
    expect(await refusal(answerQuizItem(t.db, alice, { attemptId: id, position: 1, answer: 7, durationMs: 1 }, t0, settings))).toBe(
      "Grade with 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).",
    );
    expect((await items(id))[1].answeredAt).toBeNull();
    expect(await t.db.reviewLog.count({ where: { cardId: "beta/what" } })).toBe(0);
  });
});
