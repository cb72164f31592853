import "server-only";
import { z } from "zod";
import { loadStudySettings } from "@/server/review/study-settings";
import { currentUser } from "@/server/auth";
import { db } from "@/server/db";
import { ReviewError } from "@/server/review/errors";
import { reviewView, type ReviewView } from "@/server/review/view";

export type ReviewActionResult =
  | { ok: true; view: ReviewView; undo: { logId: string } | null }
  | { ok: false; error: string; view: ReviewView | null };

export const cardIdSchema = z.string().min(1).max(200);

/**
 * The common path of every review action: zod-parse the input, take the user from the session
 * (never from the client), run the operation, and answer with the next screen in the same
 * round trip. A refused operation still returns the current screen so the UI can move on.
 */
export async function runReviewAction<I>(
  schema: z.ZodType<I>,
  raw: unknown,
  operation: (args: { input: I; userId: string; now: Date; settings: Awaited<ReturnType<typeof loadStudySettings>> }) => Promise<{ undo?: { logId: string } | null; showCardId?: string } | void>,
): Promise<ReviewActionResult> {
  const user = await currentUser();
  if (!user) return { ok: false, error: "Your session has ended. Sign in again.", view: null };
  const settings = await loadStudySettings(db, user.id);
  const parsed = schema.safeParse(raw);
  const now = new Date();
  if (!parsed.success) return { ok: false, error: `Invalid request: ${parsed.error.issues[0]?.message ?? "bad input"}.`, view: await reviewView(db, user.id, settings, now) };
  try {
    const result = (await operation({ input: parsed.data, userId: user.id, now, settings })) ?? {};
    const view = await reviewView(db, user.id, settings, now, result.showCardId);
    return { ok: true, view, undo: result.undo ?? null };
  } catch (err) {
    if (err instanceof ReviewError) return { ok: false, error: err.message, view: await reviewView(db, user.id, settings, new Date()) };
    throw err;
  }
}
