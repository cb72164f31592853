import "server-only";
import type { HomeView } from "@/lib/views/home";
import { weakestCategory } from "@/lib/stats/weakest";
import type { StudySettings } from "@/lib/srs/settings";
import type { PrismaClient } from "@/prisma/client";
import { loadQueue } from "@/server/review/queue";
import { getProgress } from "./progress";

/** What the signed-in home page shows: today's work, goal and streak, where to practise, tomorrow. */
export async function getHome(db: PrismaClient, userId: string, settings: StudySettings, now: Date): Promise<HomeView> {
  const [queue, progress, unseen] = await Promise.all([
    loadQueue(db, userId, settings, now),
    getProgress(db, userId, settings, now),
    db.card.count({
      where: { archivedAt: null, trick: { archivedAt: null, categorySlug: { notIn: settings.disabledCategories } }, states: { none: { userId } } },
    }),
  ]);
  const weakest = weakestCategory(progress.categories);
  return {
    left: queue.counts,
    dueNow: queue.cards.length,
    later: { count: queue.later.count, nextDue: queue.later.nextDue },
    reviewedToday: progress.reviewedToday,
    dailyGoal: progress.dailyGoal,
    streaks: progress.streaks,
    weakest: weakest && { slug: weakest.slug, name: weakest.name, recall: weakest.recall },
    studiedAny: progress.totals.reviews > 0,
    // new cards tomorrow: today's leftovers come first, so this is at most the daily limit
    tomorrow: { due: progress.forecast[1]?.count ?? 0, new: Math.min(settings.newCardsPerDay, Math.max(0, unseen - queue.counts.new)) },
  };
}

export type { HomeView };
