// Progress aggregations in SQLite against the same numbers computed in JavaScript with ts-fsrs.
import { default_w, forgetting_curve } from "ts-fsrs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/srs/settings";
import { getProgress } from "@/server/queries/progress";
import { recordReview } from "@/server/review/grade";
import type { TestDb } from "./helpers/test-db";
import { twoUserDb } from "./helpers/two-users";

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false, timeZone: "Europe/Paris", dayStartHour: 4 };
let t: TestDb;
let alice: string;
let bob: string;

beforeEach(async () => {
  ({ t, alice, bob } = await twoUserDb());
});
afterEach(async () => {
  await t.close();
});

const grade = async (userId: string, cardId: string, rating: 1 | 2 | 3 | 4, at: string) => {
  const s = await t.db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
  return recordReview(t.db, userId, { cardId, expectedVersion: s?.version ?? 0, rating, durationMs: 10_000 }, new Date(at), settings);
};

describe("progress", () => {
  it("is empty but complete for a new user", async () => {
    const p = await getProgress(t.db, alice, settings, new Date("2026-06-10T12:00:00Z"));
    expect(p.totals).toEqual({ studied: 0, reviews: 0, timeMs: 0 });
    expect(p.categories.map((c) => [c.slug, c.cards, c.new, c.band])).toEqual([
      ["initialization", 4, 4, "none"],
      ["training", 4, 4, "none"],
    ]);
    expect(p.forecast.every((d) => d.count === 0)).toBe(true);
    expect(p.streaks).toEqual({ current: 0, longest: 0 });
    expect(p.calibration.enough).toBe(false);
  });

  it("counts reviews per study day in the user's time zone, streaks, the forecast and mastery", async () => {
    // 8 June 23:30 Paris time = 21:30 UTC; 9 June 03:00 Paris (before the 4 am start) still counts for 8 June
    await grade(alice, "fan-in-init/what", 4, "2026-06-08T21:30:00Z");
    await grade(alice, "fan-in-init/why", 4, "2026-06-09T01:00:00Z");
    await grade(alice, "fan-in-init/bound", 3, "2026-06-09T09:00:00Z");
    await grade(alice, "fan-in-init/bound", 3, "2026-06-09T09:11:00Z");
    await grade(alice, "second-trick/what", 1, "2026-06-10T08:00:00Z");
    await grade(bob, "second-trick/why", 4, "2026-06-10T08:00:00Z"); // someone else's review

    const now = new Date("2026-06-10T12:00:00Z");
    const p = await getProgress(t.db, alice, settings, now);
    const days = Object.fromEntries(p.heatmap.flat().filter((d) => d.count > 0).map((d) => [d.key, d.count]));
    expect(days).toEqual({ "2026-06-08": 2, "2026-06-09": 2, "2026-06-10": 1 });
    expect(p.streaks).toEqual({ current: 3, longest: 3 });
    expect(p.reviewedToday).toBe(1);
    expect(p.totals).toEqual({ studied: 4, reviews: 5, timeMs: 50_000 });

    const states = await t.db.cardState.findMany({ where: { userId: alice } });
    const dueOn = (key: string) => p.forecast.find((d) => d.key === key)!.count;
    expect(p.forecast.reduce((n, d) => n + d.count, 0)).toBe(states.filter((s) => s.due < new Date("2026-07-11T02:00:00Z")).length);
    expect(dueOn("2026-06-10")).toBeGreaterThanOrEqual(1); // the card graded Again is due again today

    const init = p.categories.find((c) => c.slug === "initialization")!;
    expect(init).toMatchObject({ cards: 4, new: 1, learning: 0, young: 3, mature: 0 });
    // the SQL forgetting curve matches ts-fsrs
    const studied = states.filter((s) => s.cardId.startsWith("fan-in-init/"));
    const expected = studied.reduce((sum, s) => sum + forgetting_curve(default_w, (now.getTime() - s.lastReview!.getTime()) / 86_400_000, s.stability), 0) / studied.length;
    expect(init.recall).toBeCloseTo(expected, 7); // ts-fsrs rounds to 8 decimals

    const weakest = p.tricks.find((r) => r.slug === "second-trick")!;
    expect(weakest).toMatchObject({ cards: 4, studied: 1, lapses: 0 });
  });

  it("computes true retention on review-state cards over 7, 30 and 365 days", async () => {
    const card = "fan-in-init/what";
    await grade(alice, card, 4, "2026-01-05T10:00:00Z"); // new -> review
    await grade(alice, card, 3, "2026-03-01T10:00:00Z"); // review, passed (outside 30 days)
    await grade(alice, card, 1, "2026-06-01T10:00:00Z"); // review, forgotten
    await grade(alice, card, 3, "2026-06-01T10:10:00Z"); // relearning: not counted
    await grade(alice, card, 3, "2026-06-09T10:00:00Z"); // review, passed
    const p = await getProgress(t.db, alice, settings, new Date("2026-06-10T12:00:00Z"));
    expect(p.retention.map((r) => [r.days, r.reviews, r.passed])).toEqual([
      [7, 1, 1],
      [30, 2, 1],
      [365, 3, 2],
    ]);
    expect(p.calibration.total).toBe(3);
  });

  it("counts the 7- and 30-day windows from their first instant on, passes apart, only review-state logs of reviews and cram", async () => {
    const now = new Date("2026-06-10T12:00:00Z");
    const ago = (days: number) => new Date(now.getTime() - days * 86_400_000);
    // [user, days ago, rating, state, source]; expected figures counted by hand below
    const logs = [
      [alice, 2, 1, 2, "review"], // 7, 30, 365: failed
      [alice, 3, 3, 2, "review"], // 7, 30, 365: passed
      [alice, 5, 1, 2, "cram"], // 7, 30, 365: failed
      [alice, 7, 2, 2, "review"], // exactly 7 days ago: 7, 30, 365: passed (Hard passes)
      [alice, 10, 1, 2, "review"], // 30, 365: failed
      [alice, 20, 4, 2, "review"], // 30, 365: passed
      [alice, 100, 3, 2, "review"], // 365: passed
      [alice, 400, 3, 2, "review"], // older than a year: none
      [alice, 1, 1, 1, "review"], // learning: none
      [alice, 1, 1, 3, "review"], // relearning: none
      [alice, 1, 1, 2, "quiz"], // a quiz answer: none
      [bob, 1, 1, 2, "review"], // another user: none
    ] as const;
    await t.db.$transaction((tx) =>
      tx.reviewLog.createMany({
        data: logs.map(([userId, days, rating, state, source]) => ({
          userId, cardId: "fan-in-init/what", rating, state, due: ago(days), stability: 10, difficulty: 5, elapsedDays: 5,
          lastElapsedDays: 0, scheduledDays: 10, learningSteps: 0, review: ago(days), previousDue: ago(days), durationMs: 1000, source,
        })),
      }),
    );
    const p = await getProgress(t.db, alice, settings, now);
    expect(p.retention.map((r) => [r.days, r.reviews, r.passed])).toEqual([
      [7, 4, 2],
      [30, 6, 3],
      [365, 7, 4],
    ]);
  });
});
