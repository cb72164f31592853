"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { optimizerStatus } from "@/server/optimizer/status";
import { saveDesiredRetention } from "@/server/settings/save-settings";
import { userAction } from "./pipeline";

/**
 * "Use it": the desired retention becomes the optimal retention shown for the user's parameters.
 * The value is the server's own (stored with the fit, or computed), never one the client sends.
 */
export async function applyOptimalRetention() {
  return userAction({ name: "apply-optimal-retention", schema: z.unknown() }, null, async ({ user, db }) => {
    const { current } = await optimizerStatus(db, user.id);
    const message = await saveDesiredRetention(db, user.id, current.optimalRetention.retention);
    revalidatePath("/settings");
    revalidatePath("/review");
    return message;
  });
}
