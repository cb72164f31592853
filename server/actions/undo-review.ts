"use server";

import { z } from "zod";
import { undoReview as undo } from "@/server/review/grade";
import { runReviewAction, type ReviewActionResult } from "./review-result";

const input = z.object({ logId: z.string().min(1).max(100) }).strict();

export async function undoReview(raw: z.input<typeof input>): Promise<ReviewActionResult> {
  return runReviewAction("undo-review", input, raw, async ({ input, user, db, settings, now }) => {
    const { cardId } = await undo(db, user.id, input.logId, settings, now);
    return { showCardId: cardId };
  });
}
