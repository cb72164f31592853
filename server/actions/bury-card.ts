"use server";

import { z } from "zod";
import { studyDay } from "@/lib/srs/study-day";
import { buryCard as bury } from "@/server/review/card-flags";
import { db } from "@/server/db";
import { cardIdSchema, runReviewAction, type ReviewActionResult } from "./review-result";

const input = z.object({ cardId: cardIdSchema });

/** Hides a card until the next study day starts. */
export async function buryCard(raw: z.input<typeof input>): Promise<ReviewActionResult> {
  return runReviewAction(input, raw, async ({ input, userId, now, settings }) => {
    await bury(db, userId, input.cardId, studyDay(now, settings.timeZone, settings.dayStartHour).end, now);
  });
}
