import { describe, expect, it } from "vitest";
import { poolSize, shortfall, type PoolArea } from "./pool-size";

const AREAS: PoolArea[] = [
  {
    name: "Training tricks",
    categories: [
      { slug: "init", name: "Initialization", tricks: 2, cards: 9 },
      { slug: "norm", name: "Normalization", tricks: 3, cards: 14 },
      { slug: "rnn", name: "RNN", tricks: 4, cards: 20 },
    ],
  },
  {
    name: "Architectures",
    categories: [
      { slug: "vision", name: "Vision", tricks: 12, cards: 60 },
      { slug: "nlp", name: "NLP", tricks: 9, cards: 41 },
    ],
  },
];
const sel = (...s: string[]) => new Set(s);

describe("the quiz pool before starting", () => {
  it("counts one question per trick, or per card for flashcards", () => {
    expect(poolSize(AREAS, sel("init", "nlp"), "multiple-choice")).toBe(11);
    expect(poolSize(AREAS, sel("init", "nlp"), "flashcards")).toBe(50);
  });

  it("says nothing when the pool is big enough, the length is all, or nothing is chosen", () => {
    expect(shortfall(AREAS, sel("vision"), "typed", 10)).toBeNull();
    expect(shortfall(AREAS, sel("init"), "typed", "all")).toBeNull();
    expect(shortfall(AREAS, sel(), "typed", 10)).toBeNull();
    expect(shortfall(AREAS, sel("init"), "flashcards", 9)).toBeNull();
  });

  it("widens a short choice with the rest of its area first", () => {
    expect(shortfall(AREAS, sel("init"), "multiple-choice", 5)).toEqual({ available: 2, widenWith: ["norm", "rnn"], widenedAvailable: 9 });
    expect(shortfall(AREAS, sel("init"), "flashcards", 20)).toEqual({ available: 9, widenWith: ["norm", "rnn"], widenedAvailable: 43 });
  });

  it("widens to every category when the area is not enough", () => {
    expect(shortfall(AREAS, sel("init"), "multiple-choice", 10)).toEqual({ available: 2, widenWith: ["norm", "rnn", "vision", "nlp"], widenedAvailable: 30 });
    expect(shortfall(AREAS, sel("init", "norm", "rnn"), "typed", 20)).toEqual({ available: 9, widenWith: ["vision", "nlp"], widenedAvailable: 30 });
  });
});
