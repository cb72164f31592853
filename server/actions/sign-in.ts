"use server";

import { AuthError, CredentialsSignin } from "next-auth";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { signIn } from "@/server/auth";
import type { FormState } from "./form-state";

export async function signInWithPassword(_prev: FormState, form: FormData): Promise<FormState> {
  try {
    await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      redirectTo: safeNextPath(form.get("next")),
    });
  } catch (err) {
    if (err instanceof CredentialsSignin && err.code === "too_many_attempts") {
      return { error: "Too many failed attempts. Wait 15 minutes, then try again." };
    }
    if (err instanceof AuthError) return { error: "Wrong email or password." };
    throw err; // the redirect after a successful sign-in
  }
  return {};
}

export async function signInWithGitHub(form: FormData): Promise<void> {
  await signIn("github", { redirectTo: safeNextPath(form.get("next")) });
}
