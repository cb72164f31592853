"use server";

import { z } from "zod";
import { signOut } from "@/server/auth";
import { deleteAccount } from "@/server/data-io/delete-account";
import { type FormState, toFormState } from "./form-state";
import { formToObject, userAction } from "./pipeline";

const schema = z.object({ confirmEmail: z.string().trim().min(1, "Type your email address to confirm").max(320) });

/** Deletes the signed-in user's account after the typed confirmation, then clears the cookie. */
export async function deleteMyAccount(_prev: FormState, form: FormData): Promise<FormState> {
  const outcome = await userAction({ name: "delete-account", schema, decode: (raw) => formToObject(raw) }, form, async ({ input, user, db }) => {
    await deleteAccount(db, user.id, input.confirmEmail);
  });
  if (!outcome.ok) return toFormState(outcome);
  await signOut({ redirectTo: "/?account=deleted" });
  return { ok: true, message: "Your account was deleted." };
}
