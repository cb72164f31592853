// The app's scheduler against an independent implementation of FSRS-6: fsrs-rs (Rust, the
// reference the FSRS authors maintain) through @open-spaced-repetition/binding. After each review
// of a sequence, the memory state (stability, difficulty) the app computes through ts-fsrs must
// match fsrs-rs's.
import { FSRSBinding, type BindingMemoryState } from "@open-spaced-repetition/binding";
import { default_w, type Card, type Grade } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { fsrsFixture, type FixtureName } from "@/tests/helpers/fsrs-fixtures";
import { gradeCard } from "./scheduler";

// FSRS-6's published default parameters, written out: both sides must use these.
const FSRS6_DEFAULTS = [0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835, 0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542];

// fsrs-rs computes in 32-bit floats (about 7 significant digits) and ts-fsrs in 64-bit floats
// rounded to 8 decimals; over a few reviews the two drift apart by about 1e-6 relative. A real
// difference in the formulas (a wrong weight, a same-day review treated as a long-term one, a
// lapse without the post-lapse cap) moves the values by percents, so 1e-4 relative separates them.
const RELATIVE_TOLERANCE = 1e-4;

/** Whole UTC calendar days between two reviews: the elapsed time both implementations use. */
const daysBetween = (a: Date, b: Date) =>
  (Date.UTC(b.getUTCFullYear(), b.getUTCMonth(), b.getUTCDate()) - Date.UTC(a.getUTCFullYear(), a.getUTCMonth(), a.getUTCDate())) / 86_400_000;

const pick = (states: ReturnType<FSRSBinding["nextStates"]>, g: Grade) => [states.again, states.hard, states.good, states.easy][g - 1].memory;

function fsrsRsMemory(reviews: { rating: Grade; at: Date }[]) {
  const fsrsRs = new FSRSBinding(FSRS6_DEFAULTS);
  let memory: BindingMemoryState | null = null;
  return reviews.map((r, i) => {
    const elapsed = i === 0 ? 0 : daysBetween(reviews[i - 1].at, r.at);
    memory = pick(fsrsRs.nextStates(memory, 0.9, elapsed), r.rating);
    return { stability: memory.stability, difficulty: memory.difficulty };
  });
}

function appMemory(reviews: { rating: Grade; at: Date }[], settings: ReturnType<typeof fsrsFixture>["settings"]) {
  let card: Card | null = null;
  return reviews.map((r) => {
    card = gradeCard(card, r.rating, r.at, settings).card;
    return { stability: card.stability, difficulty: card.difficulty };
  });
}

const close = (actual: number, expected: number) => Math.abs(actual - expected) <= RELATIVE_TOLERANCE * Math.abs(expected);

describe("the scheduler agrees with fsrs-rs", () => {
  it("uses FSRS-6's default parameters", () => {
    expect([...default_w]).toEqual(FSRS6_DEFAULTS);
  });

  // sequences with same-day learning steps, reviews days apart, lapses and relearning, every grade
  it.each(["history/default", "reviewWhat/default", "reviewWhy/default", "quizThenReviews/default"] as FixtureName[])(
    "on the memory state after each review of %s",
    (name) => {
      const { reviews, settings } = fsrsFixture(name);
      const expected = fsrsRsMemory(reviews);
      const actual = appMemory(reviews, settings);
      const mismatches = actual.flatMap((a, i) =>
        close(a.stability, expected[i].stability) && close(a.difficulty, expected[i].difficulty) ? [] : [{ review: i, app: a, fsrsRs: expected[i] }],
      );
      expect(mismatches).toEqual([]);
    },
  );
});
