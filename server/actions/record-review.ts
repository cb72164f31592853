"use server";

import { z } from "zod";
import { recordReview as record } from "@/server/review/grade";
import { db } from "@/server/db";
import { cardIdSchema, runReviewAction, type ReviewActionResult } from "./review-result";

const input = z.object({
  cardId: cardIdSchema,
  expectedVersion: z.number().int().min(0),
  rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)" }),
  durationMs: z.number().min(0).max(86_400_000),
});

export async function recordReview(raw: z.input<typeof input>): Promise<ReviewActionResult> {
  return runReviewAction(input, raw, async ({ input, userId, now, settings }) => {
    const saved = await record(db, userId, input, now, settings);
    return { undo: { logId: saved.logId } };
  });
}
