import "server-only";
import type { LeechRow } from "@/lib/views/leeches";
import { recallNow } from "@/lib/stats/card-status";
import type { StudySettings } from "@/lib/srs/settings";
import type { PrismaClient } from "@/prisma/client";


/**
 * The user's leeches, weakest first (lowest predicted recall now, then most lapses). Derived from
 * the stored state alone: a card is a leech while its lapses reach the user's threshold.
 */
export async function leechCards(db: PrismaClient, userId: string, settings: StudySettings, now: Date): Promise<LeechRow[]> {
  const rows = await db.cardState.findMany({
    where: { userId, lapses: { gte: settings.leechThreshold }, card: { archivedAt: null, trick: { archivedAt: null } } },
    select: {
      cardId: true,
      state: true,
      stability: true,
      scheduledDays: true,
      lastReview: true,
      lapses: true,
      suspended: true,
      leechSuspended: true,
      card: { select: { kind: true, prompt: true, trick: { select: { slug: true, name: true } } } },
    },
  });
  const leeches = rows.map((r) => ({
    cardId: r.cardId,
    kind: r.card.kind,
    prompt: r.card.prompt,
    trick: r.card.trick,
    lapses: r.lapses,
    lastReview: r.lastReview,
    recall: recallNow(r, now, settings.fsrsWeights ?? null),
    suspended: r.suspended,
    leechSuspended: r.leechSuspended,
  }));
  return leeches.sort((a, b) => (a.recall ?? 0) - (b.recall ?? 0) || b.lapses - a.lapses || a.cardId.localeCompare(b.cardId));
}

/** The card ids of the user's leeches, in catalogue-independent order (for the quiz). */
export async function leechCardIds(db: PrismaClient, userId: string, settings: StudySettings): Promise<string[]> {
  const rows = await db.cardState.findMany({
    where: { userId, lapses: { gte: settings.leechThreshold }, card: { archivedAt: null, trick: { archivedAt: null } } },
    select: { cardId: true },
    orderBy: { cardId: "asc" },
  });
  return rows.map((r) => r.cardId);
}

export type { LeechRow };
