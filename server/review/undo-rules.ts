import "server-only";
import type { StudySettings } from "@/lib/srs/settings";
import { studyDay } from "@/lib/srs/study-day";
import type { Prisma } from "@/generated/prisma/client";
import { reviewError } from "./errors";

const newestFirst = [{ review: "desc" as const }, { createdAt: "desc" as const }, { id: "desc" as const }];

/**
 * The rules every undo step obeys (multi-step undo walks back a device's session one log id at a
 * time, and each id is checked here, whatever the client sent):
 *   - the log is the user's own (a guessed id of another user's log is "nothing to undo");
 *   - it is a review-screen grade (review or cram), not a counted quiz answer or a reset;
 *   - it was made in the user's current study day (yesterday's grades are history now);
 *   - it is still the latest change to its card: no later log, and the state still carries it.
 * Returns the log and the card state it produced, or throws ReviewError("nothing_to_undo").
 */
export async function findUndoable(tx: Prisma.TransactionClient, userId: string, logId: string, settings: StudySettings, now: Date) {
  const day = studyDay(now, settings.timeZone, settings.dayStartHour);
  const log = await tx.reviewLog.findFirst({
    where: { id: logId, userId, source: { in: ["review", "cram"] }, review: { gte: day.start, lt: day.end } },
  });
  if (!log) throw reviewError("nothing_to_undo");
  const [latestForCard, state] = await Promise.all([
    tx.reviewLog.findFirst({ where: { userId, cardId: log.cardId }, orderBy: newestFirst, select: { id: true } }),
    tx.cardState.findUnique({ where: { userId_cardId: { userId, cardId: log.cardId } } }),
  ]);
  if (!state || latestForCard?.id !== log.id || state.lastReview?.getTime() !== log.review.getTime()) throw reviewError("nothing_to_undo");
  return { log, state };
}
