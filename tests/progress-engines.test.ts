// The progress page on both engines: the same scripted history gives the same figures on SQLite
// and PostgreSQL, and the calibration bins the SQL computes match ts-fsrs' forgetting curve.
import { default_w, forgetting_curve } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/srs/settings";
import { dialectOf, type PrismaClient } from "@/prisma/client";
import { getProgress } from "@/server/queries/progress";
import { answerQuizItem } from "@/server/quiz/answer-quiz";
import { createQuiz } from "@/server/quiz/create-quiz";
import { buryCard, suspendCard } from "@/server/review/card-flags";
import { recordReview, undoReview } from "@/server/review/grade";
import { testEngine } from "./helpers/test-db";
import { twoUserDb } from "./helpers/two-users";

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false, timeZone: "America/New_York", dayStartHour: 4 };
const now = new Date("2026-06-10T15:00:00Z");
const day = (n: number, h = 14) => new Date(Date.UTC(2026, 0, 1 + n, h, 7));

async function grade(db: PrismaClient, userId: string, cardId: string, rating: 1 | 2 | 3 | 4, at: Date) {
  const s = await db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
  return recordReview(db, userId, { cardId, expectedVersion: s?.version ?? 0, rating, durationMs: 3_000 + rating * 1_111 }, at, settings);
}

/** Half a year of reviews, an undo, a suspension, a burial and a quiz, for alice; a little for bob. */
async function script(db: PrismaClient, alice: string, bob: string) {
  const cards = ["fan-in-init/what", "fan-in-init/why", "fan-in-init/bound", "second-trick/what", "second-trick/why"];
  const ratings = [3, 4, 1, 3, 2, 3, 3, 4, 1, 3] as const;
  for (let i = 0; i < 40; i++) await grade(db, alice, cards[i % cards.length], ratings[i % ratings.length], day(i * 4, 6 + (i % 15)));
  const last = await grade(db, alice, "second-trick/bound", 2, day(157, 20));
  await undoReview(db, alice, last.logId, settings, day(157, 21));
  await suspendCard(db, alice, "second-trick/why", day(158));
  await buryCard(db, alice, "fan-in-init/why", day(160), day(158));
  const quiz = await createQuiz(db, alice, { categories: ["initialization", "training"], mode: "multiple-choice", style: "name", length: 10, countsTowardSchedule: true, cardKinds: [] }, day(159), 11);
  const items = await db.quizItem.findMany({ where: { attemptId: quiz }, orderBy: { position: "asc" } });
  for (const item of items) {
    const choices = item.choices as string[];
    const answer = item.position % 2 ? choices.indexOf(item.correct) : (choices.indexOf(item.correct) + 1) % choices.length;
    await answerQuizItem(db, alice, { attemptId: quiz, position: item.position, answer, durationMs: 4_000 }, day(159, 15), settings);
  }
  await grade(db, bob, "fan-in-init/what", 4, day(159, 16));
}

/** Floats rounded to 9 significant digits: sums may add in another order on another engine. */
const settle = (v: unknown): unknown =>
  typeof v === "number" && !Number.isInteger(v) ? Number(v.toPrecision(9)) : Array.isArray(v) ? v.map(settle) : v && typeof v === "object" ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, settle(x)])) : v;

describe.skipIf(testEngine() !== "postgresql")("progress on SQLite and PostgreSQL", () => {
  it("gives identical figures for the same history", async () => {
    const out: unknown[] = [];
    for (const engine of ["sqlite", "postgresql"] as const) {
      const { t, alice, bob } = await twoUserDb(engine);
      try {
        await script(t.db, alice, bob);
        out.push(settle(await getProgress(t.db, alice, settings, now)));
      } finally {
        await t.close();
      }
    }
    const [sqlite, postgres] = out as Awaited<ReturnType<typeof getProgress>>[];
    expect(sqlite.totals.reviews).toBeGreaterThan(30); // the script really ran
    expect(sqlite.categories.some((c) => c.quiz && c.quiz.answered > 0)).toBe(true);
    expect(sqlite.tricks.some((r) => r.recall !== null && r.lastReview !== null && r.nextDue !== null)).toBe(true);
    expect(postgres).toEqual(sqlite);
  }, 120_000);
});

describe("calibration bins computed in SQL", () => {
  it("put each review in the bin of its predicted recall, with the bin's mean prediction", async () => {
    const { t, alice } = await twoUserDb(testEngine());
    try {
      // review-state logs with chosen gaps: elapsed days / stability spreads recall over the bins
      const gaps = [[1, 10], [9, 10], [10, 10], [12, 10], [20, 10], [3, 1], [30, 4], [60, 5], [5, 0], [2, 50], [100, 9], [40, 30]];
      const logs = gaps.map(([elapsedDays, stability], i) => ({
        userId: alice, cardId: "fan-in-init/what", rating: i % 3 === 0 ? 1 : 3, state: 2, due: day(100), stability, difficulty: 5,
        elapsedDays, lastElapsedDays: 0, scheduledDays: 10, learningSteps: 0, review: day(100 + i), previousDue: day(100), durationMs: 1000, source: "review",
      }));
      await t.db.$transaction((tx) => tx.reviewLog.createMany({ data: logs }));
      const p = await getProgress(t.db, alice, settings, now);

      // oracle: ts-fsrs' curve and the bin rule [0, 0.5), then 0.05 wide
      const expected = new Map<number, { count: number; passed: number; sum: number }>();
      gaps.forEach(([e, s], i) => {
        if (s <= 0) return;
        const r = forgetting_curve(default_w, e, s);
        const bin = r < 0.5 ? 0 : Math.min(10, 1 + Math.floor((r - 0.5) / 0.05 + 1e-9));
        const b = expected.get(bin) ?? { count: 0, passed: 0, sum: 0 };
        expected.set(bin, { count: b.count + 1, passed: b.passed + (i % 3 === 0 ? 0 : 1), sum: b.sum + r });
      });
      const edges = [0, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1];
      expect(p.calibration.bins.map((b) => [b.from, b.count, b.actual])).toEqual(
        [...expected].sort((a, b) => a[0] - b[0]).map(([bin, b]) => [edges[bin], b.count, b.passed / b.count]),
      );
      for (const b of p.calibration.bins) expect(b.predicted).toBeCloseTo(expected.get(edges.indexOf(b.from))!.sum / b.count, 3);
      expect(p.retention[2]).toMatchObject({ reviews: gaps.length, passed: 8 });
    } finally {
      await t.close();
    }
  });

  it("put reviews on either side of every bin edge in the right bin", async () => {
    const { t, alice } = await twoUserDb(testEngine());
    try {
      // stability 100; per bin the smallest and largest whole elapsed days that ts-fsrs' curve
      // (default weights) puts in it, found once with forgetting_curve and written down:
      // e.g. 40 days -> 0.95026 (bin 10), 41 -> 0.94924 (bin 9); 9035 -> 0.50000381 (bin 1), 9036 -> 0.49999537 (bin 0)
      const perBin = [[9036], [4823, 9035], [2700, 4822], [1565, 2699], [929, 1564], [557, 928], [332, 556], [191, 331], [101, 190], [41, 99], [0, 40]];
      const logs = perBin.flatMap((days) => days.map((elapsedDays, i) => ({ elapsedDays, stability: 100, rating: i === 0 ? 3 : 1 })));
      logs.push({ elapsedDays: 5, stability: 0, rating: 3 }); // no stability: retention only
      await t.db.$transaction((tx) =>
        tx.reviewLog.createMany({
          data: logs.map((l, i) => ({
            userId: alice, cardId: "fan-in-init/what", state: 2, due: day(100), difficulty: 5, lastElapsedDays: 0, scheduledDays: 10, learningSteps: 0,
            review: day(100 + i), previousDue: day(100), durationMs: 1000, source: "review", ...l,
          })),
        }),
      );
      const p = await getProgress(t.db, alice, settings, now);
      expect(p.calibration.bins.map((b) => [b.from, b.to, b.count, b.actual])).toEqual([
        [0, 0.5, 1, 1],
        [0.5, 0.55, 2, 0.5],
        [0.55, 0.6, 2, 0.5],
        [0.6, 0.65, 2, 0.5],
        [0.65, 0.7, 2, 0.5],
        [0.7, 0.75, 2, 0.5],
        [0.75, 0.8, 2, 0.5],
        [0.8, 0.85, 2, 0.5],
        [0.85, 0.9, 2, 0.5],
        [0.9, 0.95, 2, 0.5],
        [0.95, 1, 2, 0.5],
      ]);
      expect(p.retention[2]).toMatchObject({ reviews: 22, passed: 12 });
    } finally {
      await t.close();
    }
  });
});

describe("bulk reads below Prisma (dialect.readRows)", () => {
  it("return rows as arrays in column order, parameters bound in order, dates through bulkDate to the millisecond", async () => {
    const { t, alice, bob } = await twoUserDb(testEngine());
    try {
      await t.db.$transaction((tx) =>
        tx.reviewHour.createMany({
          data: [
            { userId: alice, hour: "2026-01-01T09", reviews: 2, durationMs: 20_000 },
            { userId: alice, hour: "2026-01-02T05", reviews: 3, durationMs: 30_000 },
            { userId: alice, hour: "2026-01-03T10", reviews: 1, durationMs: 8_000 },
            { userId: bob, hour: "2026-01-02T05", reviews: 7, durationMs: 1_000 },
          ],
        }),
      );
      const review = new Date("2026-03-01T10:20:30.456Z");
      await t.db.$transaction((tx) =>
        tx.reviewLog.create({
          data: {
            userId: alice, cardId: "fan-in-init/what", rating: 3, state: 2, due: review, stability: 2.5, difficulty: 5, elapsedDays: 3,
            lastElapsedDays: 0, scheduledDays: 10, learningSteps: 0, review, previousDue: review, durationMs: 1000, source: "review",
          },
        }),
      );
      const dialect = dialectOf(t.db);
      const hours = `SELECT "hour", "reviews", "durationMs" FROM "ReviewHour" WHERE "userId" = ? AND "hour" >= ? ORDER BY "hour"`;
      expect(await dialect.readRows(t.db, hours, [alice, "2026-01-02T00"])).toEqual([
        ["2026-01-02T05", 3, 30_000],
        ["2026-01-03T10", 1, 8_000],
      ]);
      // the same text again, other parameters (SQLite keeps the statement prepared)
      expect(await dialect.readRows(t.db, hours, [bob, "2026-01-01T00"])).toEqual([["2026-01-02T05", 7, 1_000]]);
      const logs = await dialect.readRows(t.db, `SELECT ${dialect.bulkDate('"review"')}, "stability" FROM "ReviewLog" WHERE "userId" = ?`, [alice]);
      expect(logs.map(([at, stability]) => [new Date(at as string | number).toISOString(), stability])).toEqual([["2026-03-01T10:20:30.456Z", 2.5]]);
    } finally {
      await t.close();
    }
  });
});
