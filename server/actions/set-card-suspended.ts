"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentUser } from "@/server/auth";
import { db } from "@/server/db";
import { suspendCard, unsuspendCard } from "@/server/review/card-flags";
import { ReviewError } from "@/server/review/errors";
import type { FormState } from "./form-state";

const input = z.object({ cardId: z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, "not a card id").max(200), suspend: z.enum(["true", "false"]) });

/** Suspends or unsuspends one of the user's cards from the trick page or the settings page. */
export async function setCardSuspended(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await currentUser();
  if (!user) return { error: "Your session has ended. Sign in again." };
  const parsed = input.safeParse({ cardId: form.get("cardId"), suspend: form.get("suspend") });
  if (!parsed.success) return { error: "Invalid request." };
  try {
    if (parsed.data.suspend === "true") await suspendCard(db, user.id, parsed.data.cardId, new Date());
    else await unsuspendCard(db, user.id, parsed.data.cardId, new Date());
  } catch (err) {
    if (err instanceof ReviewError) return { error: err.message };
    throw err;
  }
  revalidatePath(`/tricks/${parsed.data.cardId.split("/")[0]}`);
  revalidatePath("/settings");
  return { ok: true, message: parsed.data.suspend === "true" ? "Suspended." : "Back in your reviews." };
}
