import { describe, expect, it } from "vitest";
import { buildQuizItems, type QuizCardRef } from "./build-items";
import { pickDistractors, type QuizTrick } from "./distractors";
import { quizGrade } from "./grade-mapping";
import { isAcceptedAnswer, normaliseAnswer } from "./normalise";
import { seededRng } from "./random";

const trick = (slug: string, category: string, categoryIndex: number, area = "tricks"): QuizTrick => ({
  slug,
  name: slug.replace(/-/g, " "),
  summary: `summary of ${slug}`,
  category,
  categoryIndex,
  area,
});

const pool: QuizTrick[] = [
  trick("a1", "init", 1),
  trick("a2", "init", 1),
  trick("a3", "init", 1),
  trick("a4", "init", 1),
  trick("b1", "training", 2),
  trick("b2", "training", 2),
  trick("c1", "reg", 3),
  trick("z1", "far", 9),
  trick("x1", "vision", 10, "architectures"),
];

describe("distractors", () => {
  it("come from the same category first, never include the answer, and are the same for the same seed", () => {
    const target = pool[0];
    const a = pickDistractors(target, pool, 3, seededRng(7)).map((t) => t.slug);
    expect(new Set(a)).toEqual(new Set(["a2", "a3", "a4"]));
    expect(pickDistractors(target, pool, 3, seededRng(7)).map((t) => t.slug)).toEqual(a);
    expect(a).not.toContain("a1");
  });

  it("fill up from the nearest categories of the same area when the category is small", () => {
    const picked = pickDistractors(pool[4], pool, 3, seededRng(1)).map((t) => t.slug);
    expect(picked).toHaveLength(3);
    expect(picked[0]).toBe("b2");
    // init (distance 1) and reg (distance 1) before far (distance 7); never the other area while the area has enough
    expect(picked.slice(1).every((s) => ["a1", "a2", "a3", "a4", "c1"].includes(s))).toBe(true);
  });

  it("reach into the other area only when the area runs out, and never repeat a text", () => {
    const small = [trick("x1", "vision", 10, "architectures"), trick("x2", "vision", 10, "architectures"), trick("a1", "init", 1), { ...trick("dup", "init", 1), name: "X2" }];
    const picked = pickDistractors(small[0], small, 3, seededRng(3));
    expect(picked.map((t) => t.slug).sort()).toEqual(["a1", "x2"]); // "dup" has the same name as x2
  });
});

describe("quiz items", () => {
  const cards: QuizCardRef[] = pool.flatMap((t) => [
    { cardId: `${t.slug}/what`, trickSlug: t.slug, kind: "what", prompt: `What is ${t.name}?` },
    ...(t.slug === "a1" ? [{ cardId: "a1/reverse", trickSlug: "a1", kind: "reverse", prompt: "Which trick does this?" }] : []),
  ]);

  it("ask one question per trick with four distinct choices including the answer, reproducibly", () => {
    const chosen = pool.filter((t) => t.category === "init");
    const items = buildQuizItems(chosen, pool, cards, { seed: 42, length: 10, style: "name" });
    expect(items).toHaveLength(4);
    for (const item of items) {
      expect(new Set(item.choices).size).toBe(4);
      expect(item.choices).toContain(item.correct);
    }
    expect(items.find((i) => i.trickSlug === "a1")).toMatchObject({ cardId: "a1/reverse", prompt: "Which trick does this?", correct: "a1" });
    expect(items.find((i) => i.trickSlug === "a2")).toMatchObject({ cardId: "a2/what", prompt: "Which trick or architecture is this? summary of a2" });
    expect(buildQuizItems(chosen, pool, cards, { seed: 42, length: 10, style: "name" })).toEqual(items);
  });

  it("works for a category with fewer than four tricks, with distractors from elsewhere", () => {
    const items = buildQuizItems([pool[6]], pool, cards, { seed: 1, length: 10, style: "statement" });
    expect(items).toHaveLength(1);
    expect(items[0].prompt).toBe("Which statement describes **c1**?");
    expect(items[0].choices).toHaveLength(4);
    expect(items[0].correct).toBe("summary of c1");
  });

  it("respects the length and has no choices for typed recall", () => {
    const items = buildQuizItems(pool, pool, cards, { seed: 5, length: 3, style: "typed" });
    expect(items).toHaveLength(3);
    expect(items.every((i) => i.choices.length === 0 && i.kind === "typed")).toBe(true);
  });
});

describe("typed answers", () => {
  it("ignore case, spacing, hyphens and accents, and accept aliases", () => {
    expect(normaliseAnswer("  Batch-Norm  Folding ")).toBe("batchnormfolding");
    const aliases = ["BN folding", "fold batch norm"];
    for (const given of ["batch norm folding", "BATCH-NORM FOLDING", "bn folding", "Fold batch-norm", "batchnormfolding"]) {
      expect(isAcceptedAnswer(given, "Batch-norm folding", aliases), given).toBe(true);
    }
    for (const given of ["", "batch norm", "folding", "layer norm folding"]) expect(isAcceptedAnswer(given, "Batch-norm folding", aliases), given).toBe(false);
    expect(isAcceptedAnswer("Léon", "Leon", [])).toBe(true);
  });
});

describe("grade mapping for counted quizzes", () => {
  it("maps wrong to Again, right to Good and right but slow to Hard", () => {
    expect(quizGrade(false, 1000, "choice")).toBe(1);
    expect(quizGrade(true, 5000, "choice")).toBe(3);
    expect(quizGrade(true, 15_000, "choice")).toBe(3);
    expect(quizGrade(true, 15_001, "choice")).toBe(2);
    expect(quizGrade(true, 20_000, "typed")).toBe(3);
    expect(quizGrade(true, 25_000, "typed")).toBe(3);
    expect(quizGrade(true, 25_001, "typed")).toBe(2);
    expect(quizGrade(false, 60_000, "typed")).toBe(1);
  });
});
