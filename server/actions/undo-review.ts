"use server";

import { z } from "zod";
import { undoReview as undo } from "@/server/review/grade";
import { db } from "@/server/db";
import { runReviewAction, type ReviewActionResult } from "./review-result";

const input = z.object({ logId: z.string().min(1).max(100) });

export async function undoReview(raw: z.input<typeof input>): Promise<ReviewActionResult> {
  return runReviewAction(input, raw, async ({ input, userId, settings }) => {
    const { cardId } = await undo(db, userId, input.logId, settings);
    return { showCardId: cardId };
  });
}
