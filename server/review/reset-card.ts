import "server-only";
import { cardToRow, logToRow, rowToCard } from "@/lib/srs/mapper";
import { forgetCard } from "@/lib/srs/scheduler";
import type { StudySettings } from "@/lib/srs/settings";
import type { PrismaClient } from "@/prisma/client";
import { reviewError } from "./errors";

/**
 * Resets (forgets) one of the user's studied cards: ts-fsrs `forget` with its counts reset, so
 * the card is new again, with no lapses, no longer a leech, and back in the queue (unsuspended,
 * unburied). The reset is logged honestly (rating 0, source "reset") rather than only
 * overwriting the state: the lapse count is derived from the history, and a replay of the
 * history ("reschedule all") must not bring the leech back. A reset is not a review, so the
 * review counts and the hourly rollup leave it out; it also ends undo for the card's older grades.
 */
export async function resetCard(db: PrismaClient, userId: string, cardId: string, settings: StudySettings, now: Date) {
  return db.$transaction(async (tx) => {
    const state = await tx.cardState.findFirst({ where: { userId, cardId, card: { archivedAt: null } } });
    if (!state || state.state === 0) throw reviewError("not_found");
    const { card, log } = forgetCard(rowToCard(state), now, settings);
    await tx.cardState.update({
      where: { id: state.id },
      data: { ...cardToRow(card), suspended: false, leechSuspended: false, buriedUntil: null, version: { increment: 1 } },
    });
    await tx.reviewLog.create({ data: { userId, cardId, ...logToRow(log), previousDue: state.due, durationMs: null, source: "reset" } });
  });
}
