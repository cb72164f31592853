"use server";

import { z } from "zod";
import { suspendCard as suspend } from "@/server/review/card-flags";
import { db } from "@/server/db";
import { cardIdSchema, runReviewAction, type ReviewActionResult } from "./review-result";

const input = z.object({ cardId: cardIdSchema });

export async function suspendCard(raw: z.input<typeof input>): Promise<ReviewActionResult> {
  return runReviewAction(input, raw, async ({ input, userId, now }) => {
    await suspend(db, userId, input.cardId, now);
  });
}
