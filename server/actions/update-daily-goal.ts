"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { saveDailyGoal } from "@/server/settings/save-settings";
import { type FormState, toFormState } from "./form-state";
import { formToObject, userAction } from "./pipeline";

const input = z.object({ dailyGoal: z.string().max(20) }).strip();

export async function updateDailyGoal(_prev: FormState, form: FormData): Promise<FormState> {
  const outcome = await userAction({ name: "update-daily-goal", schema: input, decode: (raw) => formToObject(raw) }, form, async ({ input, user, db }) => {
    const message = await saveDailyGoal(db, user.id, input.dailyGoal);
    revalidatePath("/progress");
    return message;
  });
  return toFormState(outcome);
}
