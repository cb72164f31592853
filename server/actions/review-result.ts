import "server-only";
import { z } from "zod";
import type { LeechNotice } from "@/lib/srs/leech";
import type { StudySettings } from "@/lib/srs/settings";
import type { SessionUser } from "@/server/auth";
import { reviewView, type ReviewView } from "@/server/review/view";
import { userAction, type RunArgs } from "./pipeline";

export type ReviewActionResult =
  | { ok: true; view: ReviewView; undo: { logId: string } | null; notice?: LeechNotice | null }
  | { ok: false; error: string; code: string; view: ReviewView | null };

export const cardIdSchema = z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, "not a card id").max(200);

type ReviewRun<I> = (args: RunArgs<I> & { user: SessionUser; settings: StudySettings }) => Promise<{ undo?: { logId: string } | null; showCardId?: string; notice?: LeechNotice | null } | void>;

/**
 * The review actions on the common pipeline, answering with the next screen in the same round
 * trip. A refused operation still returns the current screen so the UI can move on.
 */
export async function runReviewAction<I>(name: string, schema: z.ZodType<I>, raw: unknown, run: ReviewRun<I>): Promise<ReviewActionResult> {
  const outcome = await userAction({ name, schema }, raw, async (args) => {
    // the settings came with the session row (the pipeline reads both in one statement)
    const result = (await run(args)) ?? {};
    return { view: await reviewView(args.db, args.user.id, args.settings, args.now, result.showCardId), undo: result.undo ?? null, notice: result.notice ?? null };
  });
  if (outcome.ok) return { ok: true, ...outcome.value };
  const { user, failure } = outcome;
  const view = user ? await currentView(user.id) : null;
  return { ok: false, error: failure.message, code: failure.code, view };
}

async function currentView(userId: string): Promise<ReviewView | null> {
  // the screen as it stands, for a refused request; if even that fails, the UI keeps its own
  const outcome = await userAction({ name: "review-view", schema: z.unknown() }, null, async ({ db, now, settings }) => reviewView(db, userId, settings, now));
  return outcome.ok ? outcome.value : null;
}
