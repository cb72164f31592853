import "server-only";
import type { CardProgress } from "@/lib/views/trick";
import { cardStanding, recallNow } from "@/lib/stats/card-status";
import type { StudySettings } from "@/lib/srs/settings";
import type { PrismaClient } from "@/prisma/client";

/** The signed-in user's state of each card of one trick (scoped by user id). */
export async function trickProgress(db: PrismaClient, userId: string, trickSlug: string, settings: StudySettings, now: Date): Promise<Map<string, CardProgress>> {
  const states = await db.cardState.findMany({
    where: { userId, card: { trickSlug, archivedAt: null } },
    select: { cardId: true, state: true, stability: true, scheduledDays: true, lastReview: true, due: true, lapses: true, reps: true, suspended: true },
  });
  return new Map(
    states.map((s) => [
      s.cardId,
      {
        standing: cardStanding(s),
        recall: recallNow(s, now, settings.fsrsWeights ?? null),
        due: s.state === 0 ? null : s.due,
        lapses: s.lapses,
        reps: s.reps,
        suspended: s.suspended,
      },
    ]),
  );
}

export type { CardProgress };

export async function suspendedCards(db: PrismaClient, userId: string) {
  return db.cardState.findMany({
    where: { userId, suspended: true, card: { archivedAt: null } },
    orderBy: { updatedAt: "desc" },
    select: { cardId: true, card: { select: { prompt: true, kind: true, trick: { select: { slug: true, name: true } } } } },
  });
}
