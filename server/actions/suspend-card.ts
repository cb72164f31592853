"use server";

import { z } from "zod";
import { suspendCard as suspend } from "@/server/review/card-flags";
import { cardIdSchema, runReviewAction, type ReviewActionResult } from "./review-result";

const input = z.object({ cardId: cardIdSchema }).strict();

export async function suspendCard(raw: z.input<typeof input>): Promise<ReviewActionResult> {
  return runReviewAction("suspend-card", input, raw, async ({ input, user, db, now }) => {
    await suspend(db, user.id, input.cardId, now);
  });
}
