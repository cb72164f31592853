import "server-only";
import { cardToRow } from "@/lib/srs/mapper";
import { replay } from "@/lib/srs/scheduler";
import type { StudySettings } from "@/lib/srs/settings";
import type { PrismaClient } from "@/prisma/client";

const CHUNK = 200;

/**
 * Recomputes every reviewed card of the user from its whole review history (reviews, cram and
 * counted quiz answers) under the current settings, replayed log by log through ts-fsrs. Flags
 * (suspended, buried) are kept. Works in chunks of cards, each read and written in one short
 * transaction, so other users' reviews are never held up for long and no grade is overwritten.
 */
export async function rescheduleAll(db: PrismaClient, userId: string, settings: StudySettings): Promise<number> {
  const cardIds = (await db.cardState.findMany({ where: { userId, state: { not: 0 } }, select: { cardId: true }, orderBy: { cardId: "asc" } })).map((s) => s.cardId);
  let done = 0;
  for (let i = 0; i < cardIds.length; i += CHUNK) {
    const chunk = cardIds.slice(i, i + CHUNK);
    done += await db.$transaction(async (tx) => {
      const logs = await tx.reviewLog.findMany({
        where: { userId, cardId: { in: chunk } },
        orderBy: [{ review: "asc" }, { createdAt: "asc" }],
        select: { cardId: true, rating: true, review: true },
      });
      const byCard = new Map<string, { rating: number; review: Date }[]>();
      for (const l of logs) byCard.set(l.cardId, [...(byCard.get(l.cardId) ?? []), l]);
      let n = 0;
      for (const [cardId, cardLogs] of byCard) {
        const card = replay(cardLogs, settings, cardId);
        if (!card) continue;
        await tx.cardState.updateMany({ where: { userId, cardId }, data: { ...cardToRow(card), version: { increment: 1 } } });
        n++;
      }
      return n;
    });
  }
  return done;
}
