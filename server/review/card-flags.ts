import "server-only";
import { cardToRow } from "@/lib/srs/mapper";
import { emptyCard } from "@/lib/srs/scheduler";
import type { PrismaClient } from "@/prisma/client";
import { isUniqueViolation, reviewError } from "./errors";

type Flags = { suspended?: boolean; buriedUntil?: Date | null; leechSuspended?: boolean };

/**
 * Sets flags on the user's state of a card, creating a "new" state row if it has none yet. Two
 * requests at once (two tabs, two app instances) may both find no row; the loser's insert hits
 * the (userId, cardId) unique index, its transaction rolls back, and one retry finds the row.
 */
async function setFlags(db: PrismaClient, userId: string, cardId: string, input: Flags, now: Date) {
  // a suspension the user sets or lifts is theirs: undo of a leech grade must then leave it alone
  const flags = input.suspended === undefined ? input : { ...input, leechSuspended: false };
  try {
    return await setFlagsOnce(db, userId, cardId, flags, now);
  } catch (err) {
    if (!isUniqueViolation(err)) throw err;
    return setFlagsOnce(db, userId, cardId, flags, now);
  }
}

function setFlagsOnce(db: PrismaClient, userId: string, cardId: string, flags: Flags, now: Date) {
  return db.$transaction(async (tx) => {
    const card = await tx.card.findFirst({ where: { id: cardId, archivedAt: null }, select: { id: true } });
    if (!card) throw reviewError("not_found");
    const state = await tx.cardState.findUnique({ where: { userId_cardId: { userId, cardId } }, select: { id: true } });
    if (state) await tx.cardState.update({ where: { id: state.id }, data: { ...flags, version: { increment: 1 } } });
    else await tx.cardState.create({ data: { userId, cardId, ...cardToRow(emptyCard(now)), ...flags, version: 1 } });
  });
}

export const suspendCard = (db: PrismaClient, userId: string, cardId: string, now: Date) => setFlags(db, userId, cardId, { suspended: true }, now);

export const unsuspendCard = (db: PrismaClient, userId: string, cardId: string, now: Date) => setFlags(db, userId, cardId, { suspended: false }, now);

/** Hidden from the queue until `until` (the start of the next study day). */
export const buryCard = (db: PrismaClient, userId: string, cardId: string, until: Date, now: Date) => setFlags(db, userId, cardId, { buriedUntil: until }, now);
