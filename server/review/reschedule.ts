import "server-only";
import { cardToRow } from "@/lib/srs/mapper";
import { replay } from "@/lib/srs/scheduler";
import type { StudySettings } from "@/lib/srs/settings";
import type { PrismaClient } from "@/prisma/client";
import type { Tx } from "./grade";

/**
 * Recomputes every reviewed card of the user from its whole review history (reviews, cram and
 * counted quiz answers) under `settings`, replayed log by log through ts-fsrs, inside the
 * caller's transaction. Flags (suspended, buried) are kept. Returns the number of cards.
 */
export async function rescheduleInTx(tx: Tx, userId: string, settings: StudySettings): Promise<number> {
  const logs = await tx.reviewLog.findMany({
    where: { userId, card: { states: { some: { userId, state: { not: 0 } } } } },
    orderBy: [{ cardId: "asc" }, { review: "asc" }, { createdAt: "asc" }],
    select: { cardId: true, rating: true, review: true },
  });
  const byCard = new Map<string, { rating: number; review: Date }[]>();
  for (const l of logs) {
    const list = byCard.get(l.cardId);
    if (list) list.push(l);
    else byCard.set(l.cardId, [l]);
  }
  let n = 0;
  for (const [cardId, cardLogs] of byCard) {
    const card = replay(cardLogs, settings, cardId);
    if (!card) continue;
    await tx.cardState.updateMany({ where: { userId, cardId }, data: { ...cardToRow(card), version: { increment: 1 } } });
    n++;
  }
  return n;
}

/** rescheduleInTx in a transaction of its own. */
export const rescheduleAll = (db: PrismaClient, userId: string, settings: StudySettings) => db.$transaction((tx) => rescheduleInTx(tx, userId, settings), { timeout: 60_000 });
