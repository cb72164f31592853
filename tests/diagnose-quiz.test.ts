// The Diagnose quiz against a real SQLite file: a symptom, four tricks, feedback and grading.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseCatalogue } from "@/lib/content/parse";
import { DEFAULT_SETTINGS } from "@/lib/srs/settings";
import { syncContent } from "@/prisma/sync-content";
import { answerQuizItem } from "@/server/quiz/answer-quiz";
import { createQuiz, createQuizSchema, type CreateQuizInput } from "@/server/quiz/create-quiz";
import { QuizError } from "@/server/quiz/errors";
import { quizState } from "@/server/quiz/quiz-view";
import { categoriesFile, trickFile } from "./helpers/content-fixtures";
import { createTestDb, type TestDb } from "./helpers/test-db";

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const t0 = new Date("2026-04-01T10:00:00Z");
let t: TestDb;
let alice: string;

// each trick fixes its own, clearly different symptoms
const SYMPTOMS: Record<string, [string, string, string][]> = {
  alpha: [
    ["nan", "Loss spikes to NaN after a few hundred steps.", "Alpha keeps each update bounded."],
    ["flat", "Training loss stays flat from the very first epoch.", "Alpha restores a usable gradient."],
  ],
  beta: [["overfit", "Validation error climbs while training error keeps falling.", "Beta adds noise that discourages memorising."]],
  gamma: [["slow", "Each epoch takes hours on a single small GPU.", "Gamma halves the arithmetic per step."]],
  delta: [["dead", "Half the hidden units output zero for every input.", "Delta keeps units away from the flat region."]],
  epsilon: [["forget", "The recurrent model forgets the start of long sequences.", "Epsilon lets the cell state pass unchanged."]],
};
const symptomsYaml = (slug: string) =>
  SYMPTOMS[slug] ? `symptoms:\n${SYMPTOMS[slug].map(([key, text, because]) => `  - key: ${key}\n    text: ${text}\n    because: ${because}`).join("\n")}` : "";

beforeEach(async () => {
  t = createTestDb();
  const files = ["alpha", "beta", "gamma", "delta", "zeta"].map((slug) => trickFile({ slug, extra: symptomsYaml(slug) }));
  files.push(trickFile({ slug: "epsilon", category: "training", extra: symptomsYaml("epsilon") }));
  for (const f of files) f.text = f.text.replace("name: Fan-in initialisation", `name: ${f.path.split("/")[2].replace(".md", "")} method`);
  const { catalogue, errors } = parseCatalogue(categoriesFile, files);
  expect(errors).toEqual([]);
  await syncContent(t.db, catalogue!);
  alice = (await t.db.user.create({ data: { email: "alice@example.com" } })).id;
});
afterEach(async () => {
  await t.close();
});

const diagnose = (over: Partial<CreateQuizInput> = {}): CreateQuizInput =>
  createQuizSchema.parse({ categories: ["initialization"], mode: "diagnose", length: "all", countsTowardSchedule: true, ...over });
const items = (attemptId: string) => t.db.quizItem.findMany({ where: { attemptId }, orderBy: { position: "asc" } });

describe("Diagnose quizzes", () => {
  it("ask each symptom of the chosen categories once, on its diagnose card, against tricks of the same category", async () => {
    const id = await createQuiz(t.db, alice, diagnose(), t0, 5);
    expect(await t.db.quizAttempt.findUniqueOrThrow({ where: { id } })).toMatchObject({ mode: "diagnose", style: "diagnose" });
    const list = await items(id);
    expect(list.map((i) => i.cardId).sort()).toEqual(["alpha/symptom-flat", "alpha/symptom-nan", "beta/symptom-overfit", "delta/symptom-dead", "gamma/symptom-slow"]);
    for (const item of list) {
      const slug = item.cardId.split("/")[0];
      expect(item).toMatchObject({ kind: "diagnose", correct: `${slug} method` });
      // the other three initialization tricks with symptoms; zeta has none, epsilon is in another category
      expect([...(item.choices as string[])].sort()).toEqual(["alpha method", "beta method", "delta method", "gamma method"]);
    }
    const alphaNan = list.find((i) => i.cardId === "alpha/symptom-nan")!;
    expect(alphaNan.prompt).toBe("You see this in training: *Loss spikes to NaN after a few hundred steps.* Which trick do you reach for?");
    const view = await quizState(t.db, alice, id, settings, t0);
    expect(view?.current).toMatchObject({ position: 0, kind: "diagnose" });
    expect(view?.current?.promptHtml).toContain("<em>");
  });

  it("explain a right answer with the trick's reason and grade its diagnose card Good", async () => {
    const id = await createQuiz(t.db, alice, diagnose(), t0, 6);
    const [first] = await items(id);
    const reason = Object.values(SYMPTOMS).flat().find(([key]) => first.cardId.endsWith(`/symptom-${key}`))![2];
    const feedback = await answerQuizItem(t.db, alice, { attemptId: id, position: 0, answer: (first.choices as string[]).indexOf(first.correct), durationMs: 3000 }, t0, settings);
    expect(feedback).toMatchObject({ isCorrect: true, why: reason, whyNot: null, rating: 3 });
    const log = await t.db.reviewLog.findFirstOrThrow({ where: { userId: alice } });
    expect(log).toMatchObject({ cardId: first.cardId, rating: 3, source: "quiz" });
  });

  it("explain a wrong answer with what the chosen trick fixes instead, and grade the card Again", async () => {
    const id = await createQuiz(t.db, alice, diagnose(), t0, 7);
    for (const item of await items(id)) {
      const choices = item.choices as string[];
      // pick alpha (two symptoms: the feedback must quote its first) whenever it is a wrong choice
      const wrong = item.correct === "alpha method" ? choices.findIndex((c) => c !== item.correct) : choices.indexOf("alpha method");
      const wrongSlug = choices[wrong].replace(" method", "");
      const feedback = await answerQuizItem(t.db, alice, { attemptId: id, position: item.position, answer: wrong, durationMs: 3000 }, t0, settings);
      const [, symptom, because] = SYMPTOMS[wrongSlug][0];
      expect(feedback).toMatchObject({ isCorrect: false, given: choices[wrong], correct: item.correct, rating: 1, whyNot: { name: choices[wrong], symptom, because } });
    }
    const logs = await t.db.reviewLog.findMany({ where: { userId: alice } });
    expect(logs.map((l) => l.rating)).toEqual([1, 1, 1, 1, 1]);
    expect(new Set(logs.map((l) => l.cardId)).size).toBe(5); // each question graded its own diagnose card
  });

  it("leave the schedule alone when not counted", async () => {
    const id = await createQuiz(t.db, alice, diagnose({ countsTowardSchedule: false }), t0, 8);
    const [first] = await items(id);
    expect((await answerQuizItem(t.db, alice, { attemptId: id, position: 0, answer: 0, durationMs: 1000 }, t0, settings)).rating).toBeNull();
    expect(first.cardId).toMatch(/\/symptom-/);
    expect(await t.db.reviewLog.count()).toBe(0);
  });

  it("let flashcards drill the diagnose cards alone", async () => {
    const id = await createQuiz(t.db, alice, createQuizSchema.parse({ categories: ["initialization"], mode: "flashcards", style: "cram", length: "all", cardKinds: ["diagnose"] }), t0, 3);
    expect((await items(id)).map((i) => i.cardId).sort()).toEqual(["alpha/symptom-flat", "alpha/symptom-nan", "beta/symptom-overfit", "delta/symptom-dead", "gamma/symptom-slow"]);
  });

  it("refuse categories without symptoms with a clear message, creating nothing", async () => {
    await t.db.$transaction((tx) => tx.card.updateMany({ where: { kind: "diagnose", trickSlug: "epsilon" }, data: { archivedAt: t0 } }));
    const error = await createQuiz(t.db, alice, diagnose({ categories: ["training"] }), t0, 9).then(() => null, (e) => e);
    expect(error).toBeInstanceOf(QuizError);
    expect(error.message).toMatch(/no.* symptoms|has symptoms/i);
    expect(await t.db.quizAttempt.count()).toBe(0);
  });
});
