"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { loadStudySettings } from "@/server/review/study-settings";
import { resetCard as reset } from "@/server/review/reset-card";
import { cardIdSchema } from "./review-result";
import { type FormState, toFormState } from "./form-state";
import { formToObject, userAction } from "./pipeline";

const input = z.object({ cardId: cardIdSchema }).strip();

/** Resets (forgets) one of the user's cards, e.g. a leech from the progress page: new again, no lapses. */
export async function resetCard(_prev: FormState, form: FormData): Promise<FormState> {
  const outcome = await userAction({ name: "reset-card", schema: input, decode: (raw) => formToObject(raw) }, form, async ({ input, user, db, now }) => {
    await reset(db, user.id, input.cardId, await loadStudySettings(db, user.id), now);
    revalidatePath("/progress");
    revalidatePath(`/tricks/${input.cardId.split("/")[0]}`);
    return "Reset: the card is new again and will come back with your new cards.";
  });
  return toFormState(outcome);
}
