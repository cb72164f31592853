"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { signUpSchema } from "@/lib/auth/credentials";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { signInWithCredentials } from "@/server/account/sign-in";
import { createAccount } from "@/server/account/sign-up";
import { clientIp } from "@/server/auth";
import { type FormState, toFormState } from "./form-state";
import { formToObject, publicAction } from "./pipeline";

const input = signUpSchema.extend({ timeZone: z.string().max(64).optional(), next: z.string().max(2000).optional() }).strip();

export async function signUp(_prev: FormState, form: FormData): Promise<FormState> {
  const outcome = await publicAction({ name: "sign-up", schema: input, decode: (raw) => formToObject(raw) }, form, async ({ input, db }) => {
    await createAccount(db, input, clientIp(await headers()));
    await signInWithCredentials(input.email, input.password, safeNextPath(input.next));
  });
  return toFormState(outcome);
}
