import "server-only";
import { buildTrainingItems, studyDayNumber, type FitItem } from "@/lib/fsrs-fit/training-items";
import type { StudySettings } from "@/lib/srs/settings";
import type { PrismaClient } from "@/prisma/client";

/**
 * The user's training items. Every logged grade counts, whatever its source: regular reviews,
 * early ("cram") reviews and quiz answers that counted toward the schedule. Each of them was a
 * real attempt to recall after a real delay, and each already changed the card's memory state in
 * our scheduler; leaving one out would make the next review's delay look longer than it was.
 * Quiz answers that did not count are not in the review log at all.
 */
export async function loadTrainingItems(db: Pick<PrismaClient, "reviewLog">, userId: string, settings: Pick<StudySettings, "timeZone" | "dayStartHour">): Promise<FitItem[]> {
  const logs = await db.reviewLog.findMany({
    where: { userId },
    orderBy: [{ cardId: "asc" }, { review: "asc" }, { createdAt: "asc" }],
    select: { cardId: true, review: true, rating: true, state: true },
  });
  return buildTrainingItems(logs, studyDayNumber(settings.timeZone, settings.dayStartHour));
}
