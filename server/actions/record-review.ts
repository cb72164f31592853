"use server";

import { z } from "zod";
import { MAX_ANSWER_MS } from "@/lib/srs/grades";
import { recordReview as record } from "@/server/review/grade";
import { cardIdSchema, runReviewAction, type ReviewActionResult } from "./review-result";

const input = z
  .object({
    cardId: cardIdSchema,
    expectedVersion: z.number().int().min(0).max(1_000_000_000),
    rating: z.union([z.literal(1), z.literal(2), z.literal(3), z.literal(4)], { error: "rating must be 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy)" }),
    // the client's measure of time on the card: any finite non-negative number, capped below as the UI caps it
    durationMs: z.number().finite().min(0),
  })
  .strict();

export async function recordReview(raw: z.input<typeof input>): Promise<ReviewActionResult> {
  return runReviewAction("record-review", input, raw, async ({ input, user, db, now, settings }) => {
    const saved = await record(db, user.id, { ...input, durationMs: Math.min(input.durationMs, MAX_ANSWER_MS) }, now, settings);
    return { undo: { logId: saved.logId }, notice: saved.notice };
  });
}
