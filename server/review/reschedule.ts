import "server-only";
import { cardToRow } from "@/lib/srs/mapper";
import { replay } from "@/lib/srs/scheduler";
import type { StudySettings } from "@/lib/srs/settings";
import type { PrismaClient } from "@/prisma/client";

/**
 * Recomputes every reviewed card of the user from its review history under the current
 * settings (ts-fsrs, replayed log by log). Flags (suspended, buried) are kept.
 */
export async function rescheduleAll(db: PrismaClient, userId: string, settings: StudySettings): Promise<number> {
  const logs = await db.reviewLog.findMany({
    where: { userId, source: { in: ["review", "cram"] } },
    orderBy: [{ review: "asc" }, { createdAt: "asc" }],
    select: { cardId: true, rating: true, review: true },
  });
  const byCard = new Map<string, { rating: number; review: Date }[]>();
  for (const l of logs) {
    const list = byCard.get(l.cardId) ?? [];
    list.push(l);
    byCard.set(l.cardId, list);
  }
  await db.$transaction(
    async (tx) => {
      for (const [cardId, cardLogs] of byCard) {
        const card = replay(cardLogs, settings);
        if (!card) continue;
        await tx.cardState.updateMany({ where: { userId, cardId }, data: { ...cardToRow(card), version: { increment: 1 } } });
      }
    },
    { timeout: 120_000 },
  );
  return byCard.size;
}
