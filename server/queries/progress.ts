import "server-only";
import { computeDecayFactor, default_w } from "ts-fsrs";
import { heatmap, streaks } from "@/lib/stats/activity";
import { countsPerStudyDay, shiftDay, type HourCount } from "@/lib/stats/days";
import { forecast } from "@/lib/stats/forecast";
import { masteryBand, masteryScore, MATURE_DAYS, type MasteryCounts, type TrickRow } from "@/lib/stats/mastery";
import { calibration, retentionWindow } from "@/lib/stats/retention";
import type { StudySettings } from "@/lib/srs/settings";
import { studyDay } from "@/lib/srs/study-day";
import type { PrismaClient } from "@/prisma/client";

// Every aggregation that scans many rows runs in SQLite (GROUP BY over the (userId, ...) indexes);
// lib/stats turns the small results into what the page shows. Dates are stored as ISO text.
const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");
const num = (v: unknown) => (v === null || v === undefined ? 0 : Number(v));
const numOrNull = (v: unknown) => (v === null || v === undefined ? null : Number(v));

type Agg = { cards: unknown; new: unknown; learning: unknown; young: unknown; mature: unknown; recall: unknown };
const toCounts = (r: Agg): MasteryCounts => ({
  cards: num(r.cards),
  new: num(r.new),
  learning: num(r.learning),
  young: num(r.young),
  mature: num(r.mature),
  recall: numOrNull(r.recall),
});

export async function getProgress(db: PrismaClient, userId: string, settings: StudySettings, now: Date) {
  const { decay, factor } = computeDecayFactor(settings.fsrsWeights?.length ? settings.fsrsWeights : default_w);
  const day = studyDay(now, settings.timeZone, settings.dayStartHour);
  const nowIso = iso(now);
  const yearAgo = iso(new Date(now.getTime() - 372 * 86_400_000));
  const since = (days: number) => iso(new Date(now.getTime() - days * 86_400_000));
  const forecastUntil = iso(new Date(day.start.getTime() + 31 * 86_400_000));

  // predicted recall now, per card state: R = (1 + factor * t / S) ^ decay  (ts-fsrs forgetting curve)
  const stateColumns = (alias: string) => `
    SUM(CASE WHEN ${alias}.id IS NULL OR ${alias}.state = 0 THEN 1 ELSE 0 END) AS new,
    SUM(CASE WHEN ${alias}.state IN (1, 3) THEN 1 ELSE 0 END) AS learning,
    SUM(CASE WHEN ${alias}.state = 2 AND ${alias}.scheduledDays < ${MATURE_DAYS} THEN 1 ELSE 0 END) AS young,
    SUM(CASE WHEN ${alias}.state = 2 AND ${alias}.scheduledDays >= ${MATURE_DAYS} THEN 1 ELSE 0 END) AS mature,
    AVG(CASE WHEN ${alias}.state <> 0 AND ${alias}.lastReview IS NOT NULL AND ${alias}.stability > 0
      THEN pow(1 + ? * max(0, julianday(?) - julianday(${alias}.lastReview)) / ${alias}.stability, ?) END) AS recall`;

  const perCategorySql = `
    SELECT t.categorySlug AS category, COUNT(*) AS cards, ${stateColumns("s")}
    FROM Card c JOIN Trick t ON t.slug = c.trickSlug
    LEFT JOIN CardState s ON s.cardId = c.id AND s.userId = ?
    WHERE c.archivedAt IS NULL AND t.archivedAt IS NULL
    GROUP BY t.categorySlug`;
  const perTrickSql = `
    SELECT t.slug AS slug, COUNT(*) AS cards, ${stateColumns("s")},
      SUM(CASE WHEN s.state <> 0 THEN 1 ELSE 0 END) AS studied,
      AVG(CASE WHEN s.state <> 0 THEN s.stability END) AS stability,
      SUM(COALESCE(s.lapses, 0)) AS lapses,
      MAX(s.lastReview) AS lastReview,
      MIN(CASE WHEN s.state <> 0 AND s.suspended = 0 THEN s.due END) AS nextDue
    FROM Card c JOIN Trick t ON t.slug = c.trickSlug
    LEFT JOIN CardState s ON s.cardId = c.id AND s.userId = ?
    WHERE c.archivedAt IS NULL AND t.archivedAt IS NULL
    GROUP BY t.slug`;

  const [categories, tricks, perCategory, perTrick, activity, due, calib, totals, studied, quiz] = await Promise.all([
    db.category.findMany({ orderBy: { position: "asc" }, select: { slug: true, name: true, area: { select: { name: true } } } }),
    db.trick.findMany({ where: { archivedAt: null }, orderBy: { position: "asc" }, select: { slug: true, name: true, categorySlug: true } }),
    db.$queryRawUnsafe<(Agg & { category: string })[]>(perCategorySql, factor, nowIso, decay, userId),
    db.$queryRawUnsafe<(Agg & { slug: string; studied: unknown; stability: unknown; lapses: unknown; lastReview: string | null; nextDue: string | null })[]>(
      perTrickSql,
      factor,
      nowIso,
      decay,
      userId,
    ),
    db.$queryRawUnsafe<{ hour: string; n: unknown }[]>(`SELECT hour, reviews AS n FROM ReviewHour WHERE userId = ? AND hour >= ? AND reviews > 0`, userId, yearAgo.slice(0, 13)),
    db.$queryRawUnsafe<{ hour: string; n: unknown }[]>(
      `SELECT substr(s.due, 1, 13) AS hour, COUNT(*) AS n FROM CardState s JOIN Card c ON c.id = s.cardId
       WHERE s.userId = ? AND s.state <> 0 AND s.suspended = 0 AND c.archivedAt IS NULL AND s.due < ? GROUP BY hour`,
      userId,
      forecastUntil,
    ),
    // one scan of the year's reviews of cards in review state: calibration bins, and per bin the
    // reviews and passes of the last 7 and 30 days for true retention
    db.$queryRawUnsafe<Record<string, unknown>[]>(
      `SELECT bin, COUNT(*) AS n, SUM(ok) AS passed, AVG(p) AS predicted,
         SUM(CASE WHEN review >= '${since(7)}' THEN 1 ELSE 0 END) AS n7, SUM(CASE WHEN review >= '${since(7)}' THEN ok ELSE 0 END) AS p7,
         SUM(CASE WHEN review >= '${since(30)}' THEN 1 ELSE 0 END) AS n30, SUM(CASE WHEN review >= '${since(30)}' THEN ok ELSE 0 END) AS p30
       FROM (
         SELECT review, ok, p, CASE WHEN p IS NULL THEN -1 WHEN p < 0.5 THEN 0 ELSE min(10, 1 + CAST((p - 0.5) / 0.05 + 1e-9 AS INTEGER)) END AS bin FROM (
           SELECT review, CASE WHEN rating > 1 THEN 1 ELSE 0 END AS ok,
             CASE WHEN stability > 0 THEN pow(1 + ? * elapsedDays / stability, ?) END AS p
           FROM ReviewLog WHERE userId = ? AND state = 2 AND source IN ('review', 'cram') AND review >= ?))
       GROUP BY bin`,
      factor,
      decay,
      userId,
      since(365),
    ),
    db.reviewHour.aggregate({ where: { userId }, _sum: { reviews: true, durationMs: true } }),
    db.cardState.count({ where: { userId, state: { not: 0 } } }),
    db.$queryRawUnsafe<{ category: string; n: unknown; ok: unknown }[]>(
      `SELECT t.categorySlug AS category, COUNT(*) AS n, SUM(CASE WHEN qi.isCorrect THEN 1 ELSE 0 END) AS ok
       FROM QuizItem qi JOIN QuizAttempt qa ON qa.id = qi.attemptId JOIN Card c ON c.id = qi.cardId JOIN Trick t ON t.slug = c.trickSlug
       WHERE qa.userId = ? AND qi.answeredAt IS NOT NULL AND qi.kind <> 'flashcard'
       GROUP BY t.categorySlug`,
      userId,
    ),
  ]);

  const catName = new Map(categories.map((c) => [c.slug, c.name]));
  const categoryRows = categories.map((c) => {
    const row = perCategory.find((r) => r.category === c.slug);
    const counts = row ? toCounts(row) : { cards: 0, new: 0, learning: 0, young: 0, mature: 0, recall: null };
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
  const trickCategory = Object.fromEntries(tricks.map((t) => [t.slug, t.categorySlug]));
  const trickAgg = new Map(perTrick.map((p) => [p.slug, p]));
  const trickRows: TrickRow[] = tricks.map((t) => {
    const r = trickAgg.get(t.slug);
    return {
      slug: t.slug,
      name: t.name,
      category: catName.get(t.categorySlug) ?? t.categorySlug,
      cards: num(r?.cards),
      studied: num(r?.studied),
      recall: numOrNull(r?.recall),
      stability: numOrNull(r?.stability),
      lapses: num(r?.lapses),
      lastReview: r?.lastReview ?? null,
      nextDue: r?.nextDue ?? null,
    };
  });

  const perDay = countsPerStudyDay(activity.map((a): HourCount => ({ hour: a.hour, count: num(a.n) })), settings.timeZone, settings.dayStartHour);
  const sum = (field: string) => calib.reduce((n, c) => n + num(c[field]), 0);
  return {
    today: day.key,
    dailyGoal: settings.dailyGoal,
    desiredRetention: settings.desiredRetention,
    reviewedToday: perDay.get(day.key) ?? 0,
    categories: categoryRows,
    tricks: trickRows,
    trickCategory,
    heatmap: heatmap(perDay, day.key),
    streaks: streaks(perDay, day.key),
    activeDays: [...perDay.entries()].filter(([k, n]) => n > 0 && k > shiftDay(day.key, -365)).length,
    forecast: forecast(due.map((d) => ({ hour: d.hour, count: num(d.n) })), day.key, settings.timeZone, settings.dayStartHour),
    retention: [retentionWindow(7, sum("n7"), sum("p7")), retentionWindow(30, sum("n30"), sum("p30")), retentionWindow(365, sum("n"), sum("passed"))],
    calibration: calibration(
      calib.filter((c) => num(c.bin) >= 0).map((c) => ({ bin: num(c.bin), count: num(c.n), passed: num(c.passed), predicted: num(c.predicted) })),
    ),
    totals: { studied, reviews: totals._sum.reviews ?? 0, timeMs: totals._sum.durationMs ?? 0 },
  };
}

export type Progress = Awaited<ReturnType<typeof getProgress>>;
