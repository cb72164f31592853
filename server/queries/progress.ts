import "server-only";
import type { Progress } from "@/lib/views/progress";
import { heatmap, streaks } from "@/lib/stats/activity";
import { dueHours, summariseStates, type StateRow } from "@/lib/stats/card-summary";
import { countsPerStudyDay, shiftDay } from "@/lib/stats/days";
import { forecast } from "@/lib/stats/forecast";
import { masteryBand, masteryScore, type TrickRow } from "@/lib/stats/mastery";
import { calibrationRatios, curveOf, meanRecall } from "@/lib/stats/recall";
import { calibration, retentionWindow } from "@/lib/stats/retention";
import type { StudySettings } from "@/lib/srs/settings";
import { studyDay } from "@/lib/srs/study-day";
import { Prisma } from "@/generated/prisma/client";
import { dialectOf, type PrismaClient } from "@/prisma/client";

// The same SQL runs on SQLite and PostgreSQL: quoted identifiers, bound parameters (dates as
// Date values), no date functions, and only counts and sums. Formulas (the forgetting curve,
// calibration bins, means) live in lib/stats. Rows that scale with the user's history (review
// logs) are aggregated in SQL; rows that scale with the catalogue (card states) are read.
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const DAY = 86_400_000;

/**
 * The calibration bin of a review as SQL: the first k in from..to - 1 with elapsed days above
 * stability x ratios[k], else `to`. The ratios fall as k grows, so the comparisons hold from that
 * k on and a binary search finds it in 4 comparisons per log where a chain of WHENs took up to 10,
 * with the same comparisons and so the same bins.
 */
function binOf(ratios: readonly number[], from: number, to: number): Prisma.Sql {
  if (from === to) return Prisma.raw(String(from));
  const mid = Math.floor((from + to) / 2);
  return Prisma.sql`CASE WHEN "elapsedDays" > ${ratios[mid]} * "stability" THEN ${binOf(ratios, from, mid)} ELSE ${binOf(ratios, mid + 1, to)} END`;
}

export async function getProgress(db: PrismaClient, userId: string, settings: StudySettings, now: Date): Promise<Progress> {
  const curve = curveOf(settings.fsrsWeights);
  const day = studyDay(now, settings.timeZone, settings.dayStartHour);
  const since = (days: number) => new Date(now.getTime() - days * DAY);
  const ratios = calibrationRatios(curve);
  // bin -1: no stability; then 0..10 (see binOf)
  const bin = Prisma.sql`CASE WHEN "stability" <= 0 THEN -1 ELSE ${binOf(ratios, 0, ratios.length)} END`;
  const dialect = dialectOf(db);
  const reviewLogs = Prisma.sql`"userId" = ${userId} AND "state" = 2 AND "source" IN ('review', 'cram')`;

  const [categories, tricks, cardCounts, states, activity, calib, [recent], [totals], quiz] = await Promise.all([
    db.category.findMany({ orderBy: { position: "asc" }, select: { slug: true, name: true, area: { select: { name: true } } } }),
    db.trick.findMany({ where: { archivedAt: null }, orderBy: { position: "asc" }, select: { slug: true, name: true, categorySlug: true } }),
    // card counts per trick as one plain statement (no Prisma groupBy result mapping)
    db.$queryRaw<{ trick: string; n: unknown }[]>`SELECT "trickSlug" AS "trick", COUNT(*) AS "n" FROM "Card" WHERE "archivedAt" IS NULL GROUP BY "trickSlug"`,
    // the two reads of thousands of rows go below Prisma (Prisma's objects per row cost more
    // than the queries): the user's card states, and a year of hour rows
    dialect.readRows(
      db,
      `SELECT s."cardId", c."trickSlug", s."state", s."scheduledDays", s."stability", ${dialect.bulkDate('s."lastReview"')}, s."lapses", s."suspended", ${dialect.bulkDate('s."due"')}
      FROM "CardState" s JOIN "Card" c ON c."id" = s."cardId"
      WHERE s."userId" = ? AND c."archivedAt" IS NULL`,
      [userId],
    ),
    dialect.readRows(db, `SELECT "hour", "reviews" FROM "ReviewHour" WHERE "userId" = ? AND "hour" >= ? AND "reviews" > 0`, [userId, since(372).toISOString().slice(0, 13)]),
    // one scan of the year's reviews of cards in review state: per calibration bin the reviews,
    // passes and sums of elapsed/stability (for the mean prediction); nothing else per row, as
    // this is the one query that reads every log of the year
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT "bin", COUNT(*) AS "n", SUM("ok") AS "passed", SUM("r") AS "sr", SUM("r" * "r") AS "srr"
      FROM (
        SELECT CASE WHEN "rating" > 1 THEN 1 ELSE 0 END AS "ok", ${bin} AS "bin",
          CASE WHEN "stability" > 0 THEN "elapsedDays" / "stability" END AS "r"
        FROM "ReviewLog"
        WHERE ${reviewLogs} AND "review" >= ${since(365)}
      ) AS "logs"
      GROUP BY "bin"`,
    // the last 7 and 30 days of the same logs: a range of the covering index, not the year
    db.$queryRaw<Record<string, unknown>[]>`
      SELECT COUNT(*) AS "n30", SUM(CASE WHEN "rating" > 1 THEN 1 ELSE 0 END) AS "p30",
        SUM(CASE WHEN "review" >= ${since(7)} THEN 1 ELSE 0 END) AS "n7", SUM(CASE WHEN "review" >= ${since(7)} AND "rating" > 1 THEN 1 ELSE 0 END) AS "p7"
      FROM "ReviewLog"
      WHERE ${reviewLogs} AND "review" >= ${since(30)}`,
    db.$queryRaw<{ reviews: unknown; timeMs: unknown; studied: unknown }[]>`
      SELECT SUM("reviews") AS "reviews", SUM("durationMs") AS "timeMs", (SELECT COUNT(*) FROM "CardState" WHERE "userId" = ${userId} AND "state" <> 0) AS "studied"
      FROM "ReviewHour" WHERE "userId" = ${userId}`,
    db.$queryRaw<{ category: string; n: unknown; ok: unknown }[]>`
      SELECT t."categorySlug" AS "category", COUNT(*) AS "n", SUM(CASE WHEN qi."isCorrect" THEN 1 ELSE 0 END) AS "ok"
      FROM "QuizItem" qi JOIN "QuizAttempt" qa ON qa."id" = qi."attemptId" JOIN "Card" c ON c."id" = qi."cardId" JOIN "Trick" t ON t."slug" = c."trickSlug"
      WHERE qa."userId" = ${userId} AND qi."answeredAt" IS NOT NULL AND qi."kind" <> 'flashcard'
      GROUP BY t."categorySlug"`,
  ]);

  const categoryOf = new Map(tricks.map((t) => [t.slug, t.categorySlug]));
  const cardsPerTrick = new Map(cardCounts.map((c) => [c.trick, num(c.n)]));
  const rows: StateRow[] = states.map((r) => ({
    cardId: String(r[0]),
    trick: String(r[1]),
    state: num(r[2]),
    scheduledDays: num(r[3]),
    stability: num(r[4]),
    lastReview: r[5] === null ? null : new Date(r[5] as string | number),
    lapses: num(r[6]),
    suspended: Boolean(r[7]),
    due: new Date(r[8] as string | number),
  }));
  const summary = summariseStates(rows, cardsPerTrick, categoryOf, now, curve);
  const catName = new Map(categories.map((c) => [c.slug, c.name]));
  const categoryRows = categories.map((c) => {
    const g = summary.categories.get(c.slug);
    const counts = g
      ? { cards: g.cards, new: g.new, learning: g.learning, young: g.young, mature: g.mature, recall: g.recall }
      : { cards: 0, new: 0, learning: 0, young: 0, mature: 0, recall: null };
    const score = masteryScore(counts);
    const q = quiz.find((r) => r.category === c.slug);
    return {
      slug: c.slug,
      name: c.name,
      area: c.area.name,
      ...counts,
      score,
      band: masteryBand(score, counts.cards > counts.new),
      quiz: q ? { answered: num(q.n), correct: num(q.ok) } : null,
    };
  });
  const trickRows: TrickRow[] = tricks.map((t) => {
    const g = summary.tricks.get(t.slug);
    return {
      slug: t.slug,
      name: t.name,
      category: catName.get(t.categorySlug) ?? t.categorySlug,
      cards: g?.cards ?? 0,
      studied: g?.studied ?? 0,
      recall: g?.recall ?? null,
      stability: g?.stability ?? null,
      lapses: g?.lapses ?? 0,
      lastReview: g?.lastReview ?? null,
      nextDue: g?.nextDue ?? null,
    };
  });

  const perDay = countsPerStudyDay(activity.map(([hour, count]) => ({ hour: String(hour), count: num(count) })), settings.timeZone, settings.dayStartHour);
  const sum = (field: string) => calib.reduce((n, c) => n + num(c[field]), 0);
  const forecastUntil = new Date(day.start.getTime() + 31 * DAY);
  return {
    today: day.key,
    dailyGoal: settings.dailyGoal,
    desiredRetention: settings.desiredRetention,
    reviewedToday: perDay.get(day.key) ?? 0,
    categories: categoryRows,
    tricks: trickRows,
    trickCategory: Object.fromEntries(categoryOf),
    heatmap: heatmap(perDay, day.key),
    streaks: streaks(perDay, day.key),
    activeDays: [...perDay.entries()].filter(([k, n]) => n > 0 && k > shiftDay(day.key, -365)).length,
    forecast: forecast(dueHours(rows, forecastUntil), day.key, settings.timeZone, settings.dayStartHour),
    retention: [retentionWindow(7, num(recent.n7), num(recent.p7)), retentionWindow(30, num(recent.n30), num(recent.p30)), retentionWindow(365, sum("n"), sum("passed"))],
    calibration: calibration(
      calib
        .filter((c) => num(c.bin) >= 0)
        .map((c) => ({ bin: num(c.bin), count: num(c.n), passed: num(c.passed), predicted: meanRecall(num(c.n), num(c.sr), num(c.srr), curve) ?? 0 })),
    ),
    totals: { studied: num(totals.studied), reviews: num(totals.reviews), timeMs: num(totals.timeMs) },
  };
}

export type { Progress };
