// The forgetting curve and the calibration arithmetic the progress page runs in production
// (server/queries/progress.ts calls these functions; the SQL only counts and sums).
import { default_w, forgetting_curve } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { dueHours, summariseStates, type StateRow } from "./card-summary";
import { calibrationRatios, curveOf, meanRecall, ratioAtRecall, recallAfter } from "./recall";

const curve = curveOf(null); // ts-fsrs default weights: decay -0.1542, factor 0.98034649

describe("forgetting curve", () => {
  it("predicts 90% recall after one stability, 100% right after review, like ts-fsrs", () => {
    expect(curve).toEqual({ decay: -0.1542, factor: 0.98034649 });
    expect(recallAfter(10, 10, curve)).toBeCloseTo(0.9, 8);
    expect(recallAfter(0, 5, curve)).toBe(1);
    expect(recallAfter(3, 1.5, curve)).toBeCloseTo(0.84588465, 8);
    expect(recallAfter(40, 7.3, curve)).toBeCloseTo(forgetting_curve(default_w, 40, 7.3), 8);
  });

  it("finds the elapsed/stability ratio of each calibration bin's lower edge", () => {
    expect(ratioAtRecall(0.9, curve)).toBeCloseTo(1, 7); // stability is the 90% interval (ts-fsrs rounds factor to 8 places)
    const ratios = calibrationRatios(curve);
    expect(ratios).toHaveLength(10);
    const edges = [0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95];
    ratios.forEach((r, k) => expect(forgetting_curve(default_w, r * 20, 20)).toBeCloseTo(edges[k], 7));
    expect([...ratios].sort((a, b) => b - a)).toEqual(ratios); // falling: higher bins, shorter gaps
  });

  it("estimates a bin's mean predicted recall from two sums within 2e-4 of the exact mean", () => {
    // a bin's worth of reviews: ratios spread over the 0.85..0.9 band and its neighbours
    const ratios = [0.95, 1.0, 1.1, 1.2, 1.3, 1.25, 1.05, 0.99];
    const exact = ratios.reduce((s, r) => s + forgetting_curve(default_w, r * 10, 10), 0) / ratios.length;
    const sum = ratios.reduce((s, r) => s + r, 0);
    const sumSq = ratios.reduce((s, r) => s + r * r, 0);
    expect(Math.abs(meanRecall(ratios.length, sum, sumSq, curve)! - exact)).toBeLessThan(2e-4);
    expect(meanRecall(1, 1, 1, curve)).toBeCloseTo(0.9, 8);
    expect(meanRecall(0, 0, 0, curve)).toBeNull();
  });
});

describe("card summaries", () => {
  const now = new Date("2026-06-10T12:00:00Z");
  const row = (cardId: string, trick: string, o: Partial<StateRow>): StateRow => ({
    cardId, trick, state: 2, scheduledDays: 5, stability: 10, lastReview: new Date("2026-05-31T12:00:00Z"), lapses: 0, suspended: false, due: new Date("2026-06-12T09:00:00Z"), ...o,
  });
  const rows = [
    row("a/1", "a", {}), // 10 days at stability 10: recall 0.9
    row("a/2", "a", { scheduledDays: 30, stability: 5, lapses: 2, lastReview: new Date("2026-06-05T12:00:00Z") }), // mature, 5 days at 5: 0.9
    row("a/3", "a", { state: 1, stability: 0, lastReview: new Date("2026-06-10T11:00:00Z"), due: new Date("2026-06-10T11:10:00Z") }), // learning, no curve yet
    row("b/1", "b", { suspended: true, due: new Date("2026-06-01T00:00:00Z") }),
    row("b/2", "b", { state: 0, lastReview: null, stability: 0 }), // suspended before its first review: still new
    row("x/1", "archived-trick", {}),
  ];
  const cards = new Map([["a", 4], ["b", 3]]);
  const categoryOf = new Map([["a", "cat1"], ["b", "cat1"]]);

  it("counts new, learning, young and mature cards and averages recall per trick and per category", () => {
    const s = summariseStates(rows, cards, categoryOf, now, curve);
    const a = s.tricks.get("a")!;
    expect(a).toMatchObject({ cards: 4, new: 1, learning: 1, young: 1, mature: 1, studied: 3, lapses: 2, lastReview: "2026-06-10T11:00:00.000Z", nextDue: "2026-06-10T11:10:00.000Z" });
    expect(a.recall).toBeCloseTo(0.9, 8);
    expect(a.stability).toBeCloseTo(5, 12);
    expect(s.tricks.get("b")).toMatchObject({ cards: 3, new: 2, young: 1, studied: 1, nextDue: null });
    const cat = s.categories.get("cat1")!;
    expect(cat).toMatchObject({ cards: 7, new: 3, learning: 1, young: 2, mature: 1 });
    expect(cat.recall).toBeCloseTo(0.9, 8);
    expect(s.tricks.has("archived-trick")).toBe(false);
  });

  it("gives the same figures whatever order the database returns the rows in", () => {
    // floating-point sums depend on their order: 1e16 + 1 + 1 = 1e16, but 1 + 1 + 1e16 = 1e16 + 2
    const skewed = [row("s/1", "a", { stability: 1e16 }), row("s/2", "a", { stability: 1 }), row("s/3", "a", { stability: 1 })];
    const a = summariseStates(skewed, cards, categoryOf, now, curve);
    expect(summariseStates([...skewed].reverse(), cards, categoryOf, now, curve)).toEqual(a);
    expect(summariseStates([...rows].reverse(), cards, categoryOf, now, curve)).toEqual(summariseStates(rows, cards, categoryOf, now, curve));
  });

  it("counts studied, unsuspended cards due per UTC hour before the forecast's end", () => {
    expect(dueHours(rows, new Date("2026-06-12T09:00:00Z"))).toEqual([
      { hour: "2026-06-10T11", count: 1 },
    ]);
    expect(dueHours(rows, new Date("2026-07-01T00:00:00Z")).reduce((n, h) => n + h.count, 0)).toBe(4);
  });

  it("puts cards due within one UTC hour in one bucket, and leaves out the forecast's end itself", () => {
    const due = (cardId: string, at: string, o: Partial<StateRow> = {}) => row(cardId, "a", { due: new Date(at), ...o });
    const hours = dueHours(
      [
        due("h/1", "2026-06-10T13:00:00.000Z"),
        due("h/2", "2026-06-10T13:59:59.999Z"), // the same hour
        due("h/3", "2026-06-10T14:00:00.000Z"), // the next
        due("h/4", "1969-12-31T23:30:00.000Z"), // long overdue, before 1970
        due("h/5", "2026-06-10T13:30:00.000Z", { state: 0 }), // new: not due
        due("h/6", "2026-06-10T13:30:00.000Z", { suspended: true }),
        due("h/7", "2026-06-11T00:00:00.000Z"), // at the end: out
      ],
      new Date("2026-06-11T00:00:00Z"),
    );
    expect(hours).toEqual([
      { hour: "2026-06-10T13", count: 2 },
      { hour: "2026-06-10T14", count: 1 },
      { hour: "1969-12-31T23", count: 1 },
    ]);
  });
});
