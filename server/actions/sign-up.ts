"use server";

import { AuthError } from "next-auth";
import { signUpSchema } from "@/lib/auth/credentials";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { isTimeZone } from "@/lib/srs/settings";
import { headers } from "next/headers";
import { clientIp, signIn } from "@/server/auth";
import { allowSignUp } from "@/server/sign-in-throttle";
import { db } from "@/server/db";
import { hashPassword } from "@/server/passwords";
import { fieldErrorsOf, type FormState } from "./form-state";

export async function signUp(_prev: FormState, form: FormData): Promise<FormState> {
  const parsed = signUpSchema.safeParse({ name: form.get("name") ?? undefined, email: form.get("email"), password: form.get("password") });
  if (!parsed.success) return { fieldErrors: fieldErrorsOf(parsed.error.issues) };
  const { email, password, name } = parsed.data;
  const tz = String(form.get("timeZone") ?? "");

  if (!(await allowSignUp(clientIp(await headers())))) return { error: "Too many sign-ups from your network in the last hour. Try again later." };
  if (await db.user.findUnique({ where: { email }, select: { id: true } })) {
    return { fieldErrors: { email: "An account with this email already exists. Sign in instead." } };
  }
  const passwordHash = await hashPassword(password);
  try {
    await db.$transaction((tx) =>
      tx.user.create({ data: { email, name, passwordHash, settings: { create: { timeZone: isTimeZone(tz) ? tz : "UTC" } } } }),
    );
  } catch (err) {
    // two sign-ups racing for one email: the unique index decides
    if ((err as { code?: string }).code === "P2002") return { fieldErrors: { email: "An account with this email already exists. Sign in instead." } };
    throw err;
  }
  try {
    await signIn("credentials", { email, password, redirectTo: safeNextPath(form.get("next")) });
  } catch (err) {
    if (err instanceof AuthError) return { error: "Your account was created, but signing in failed. Try signing in." };
    throw err; // the redirect after a successful sign-in
  }
  return {};
}
