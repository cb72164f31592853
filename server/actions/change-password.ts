"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { newPasswordSchema } from "@/lib/auth/credentials";
import { AppError } from "@/lib/app-error";
import { changePassword as change } from "@/server/account/password";
import { clientIp, currentSessionId } from "@/server/auth";
import { type FormState, toFormState } from "./form-state";
import { formToObject, userAction } from "./pipeline";

const input = z.object({ currentPassword: z.string().min(1, "Enter your current password").max(200), newPassword: newPasswordSchema }).strip();

export async function changePassword(_prev: FormState, form: FormData): Promise<FormState> {
  const outcome = await userAction({ name: "change-password", schema: input, decode: (raw) => formToObject(raw) }, form, async ({ input, user, db }) => {
    const sid = await currentSessionId();
    if (!sid) throw new AppError("unauthenticated", "Your session has ended. Sign in again.");
    const ended = await change(db, user.id, sid, input, clientIp(await headers()));
    return `Password changed. ${ended === 0 ? "You had no other sessions." : `${ended} other session${ended === 1 ? "" : "s"} signed out.`}`;
  });
  return toFormState(outcome);
}
