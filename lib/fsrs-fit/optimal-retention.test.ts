// The optimal-retention simulation: fixed seeds, real ts-fsrs, expectations worked out by hand or
// from what must hold whatever the noise (never from the function's own output).
import { default_w } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { DEFAULT_COSTS, DEFAULT_SIMULATION, optimalRetention, RETENTION_MAX, RETENTION_MIN, reviewCosts, simulateWorkload, type TimedReview } from "./optimal-retention";

const w = [...default_w];

describe("optimal retention", () => {
  const base = optimalRetention(w);

  it("is deterministic for a fixed seed, and lies in the searched range 0.70..0.95", () => {
    expect(optimalRetention(w)).toEqual(base);
    expect(base.curve.map((p) => p.retention)).toEqual([0.7, 0.71, 0.72, 0.73, 0.74, 0.75, 0.76, 0.77, 0.78, 0.79, 0.8, 0.81, 0.82, 0.83, 0.84, 0.85, 0.86, 0.87, 0.88, 0.89, 0.9, 0.91, 0.92, 0.93, 0.94, 0.95]);
    expect(base.retention).toBeGreaterThanOrEqual(RETENTION_MIN);
    expect(base.retention).toBeLessThanOrEqual(RETENTION_MAX);
  });

  it("a much more expensive failure does not lower the optimum (and here raises it)", () => {
    const dear = optimalRetention(w, { ...DEFAULT_COSTS, fail: DEFAULT_COSTS.fail * 10 });
    expect(dear.retention).toBeGreaterThan(base.retention);
  });

  it("when reviews cost nothing, knowing more is free: the highest retention searched wins", () => {
    expect(optimalRetention(w, { learn: 10, pass: 0, fail: 0 }).retention).toBe(RETENTION_MAX);
  });

  it("a tiny deck by hand: 3 cards, 2 a day, always Good, 2 days: no review falls due, 3 learns", () => {
    // Good on a new card: S = w2; at 90% the interval is S rounded, 2 days: due on day 2 or 3,
    // past the horizon. Knowledge = R(2, w2) for the two cards of day 0 + R(1, w2) for day 1, with
    // R(t, S) = (1 + factor t / S)^-decay, factor = 0.9^(-1/decay) - 1 (FSRS-6).
    const decay = w[20];
    const factor = Math.pow(0.9, -1 / decay) - 1;
    const R = (t: number) => Math.pow(1 + (factor * t) / w[2], -decay);
    const run = simulateWorkload(w, 0.9, { learn: 10, pass: 3, fail: 50 }, { ...DEFAULT_SIMULATION, deckSize: 3, newPerDay: 2, horizonDays: 2, firstRatingProb: [0, 0, 1, 0] });
    expect(run).toMatchObject({ learned: 3, reviews: 0, lapses: 0, cost: 30 });
    // ts-fsrs rounds retrievability to 8 decimals
    expect(run.memorized).toBeCloseTo(2 * R(2) + R(1), 7);
  });

  it("one card reviewed on its due day: recall passes or fails, each charged its own cost", () => {
    // Good (S = 2.3065) on day 0, due on day 2; horizon 3: exactly one review, cost 10 + 3 or 10 + 50
    const run = simulateWorkload(w, 0.9, { learn: 10, pass: 3, fail: 50 }, { ...DEFAULT_SIMULATION, deckSize: 1, newPerDay: 1, horizonDays: 3, firstRatingProb: [0, 0, 1, 0] });
    expect(run.reviews).toBe(1);
    expect(run.cost).toBe(run.lapses ? 60 : 13);
  });
});

describe("review costs from the user's own durations", () => {
  const timed = (state: number, rating: number, seconds: number[]): TimedReview[] => seconds.map((s) => ({ state, rating, durationMs: s * 1000 }));
  const range = (from: number, n: number) => Array.from({ length: n }, (_, k) => from + k);

  it("medians by outcome, a fail times fsrs-rs's loss aversion 2.5", () => {
    // learns 1..21 s (median 11), passes 2..22 s with Hard/Good/Easy (median 12), fails 3..22 s (median 12.5)
    const logs = [...timed(0, 3, range(1, 21)), ...timed(2, 3, range(2, 11)), ...timed(2, 4, range(13, 10)), ...timed(2, 2, [12]), ...timed(2, 1, range(3, 20)), ...timed(1, 3, [999])];
    expect(reviewCosts(logs)).toEqual({ costs: { learn: 11, pass: 12, fail: 31.25 }, fromYourReviews: true });
  });

  it("below 20 timed reviews of an outcome (untimed and over-20-minute ones not counted), fsrs-rs's defaults", () => {
    const logs = [...timed(0, 3, range(1, 21)), ...timed(2, 3, range(1, 21)), ...timed(2, 1, range(1, 19)), ...timed(2, 1, [1300]), { state: 2, rating: 1, durationMs: null }];
    expect(reviewCosts(logs)).toEqual({ costs: DEFAULT_COSTS, fromYourReviews: false });
  });
});
