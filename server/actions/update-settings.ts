"use server";

import { revalidatePath } from "next/cache";
import { saveSettings, settingsFormSchema } from "@/server/settings/save-settings";
import { type FormState, toFormState } from "./form-state";
import { formToObject, userAction } from "./pipeline";

export async function updateSettings(_prev: FormState, form: FormData): Promise<FormState> {
  const outcome = await userAction({ name: "update-settings", schema: settingsFormSchema, decode: (raw) => formToObject(raw, ["categories"]) }, form, async ({ input, user, db }) => {
    const message = await saveSettings(db, user.id, input);
    revalidatePath("/review");
    return message;
  });
  return toFormState(outcome);
}
