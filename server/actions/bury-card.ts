"use server";

import { z } from "zod";
import { studyDay } from "@/lib/srs/study-day";
import { buryCard as bury } from "@/server/review/card-flags";
import { cardIdSchema, runReviewAction, type ReviewActionResult } from "./review-result";

const input = z.object({ cardId: cardIdSchema }).strict();

/** Hides a card until the next study day starts. */
export async function buryCard(raw: z.input<typeof input>): Promise<ReviewActionResult> {
  return runReviewAction("bury-card", input, raw, async ({ input, user, db, now, settings }) => {
    await bury(db, user.id, input.cardId, studyDay(now, settings.timeZone, settings.dayStartHour).end, now);
  });
}
