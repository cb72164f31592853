"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { suspendCard, unsuspendCard } from "@/server/review/card-flags";
import { cardIdSchema } from "./review-result";
import { type FormState, toFormState } from "./form-state";
import { formToObject, userAction } from "./pipeline";

const input = z.object({ cardId: cardIdSchema, suspend: z.enum(["true", "false"]) }).strip();

/** Suspends or unsuspends one of the user's cards from the trick page or the settings page. */
export async function setCardSuspended(_prev: FormState, form: FormData): Promise<FormState> {
  const outcome = await userAction({ name: "set-card-suspended", schema: input, decode: (raw) => formToObject(raw) }, form, async ({ input, user, db, now }) => {
    const suspend = input.suspend === "true";
    await (suspend ? suspendCard : unsuspendCard)(db, user.id, input.cardId, now);
    revalidatePath(`/tricks/${input.cardId.split("/")[0]}`);
    revalidatePath("/settings");
    revalidatePath("/progress");
    return suspend ? "Suspended." : "Back in your reviews.";
  });
  return toFormState(outcome);
}
