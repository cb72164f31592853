"use server";

import { z } from "zod";
import { signInSchema } from "@/lib/auth/credentials";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { signInWithCredentials } from "@/server/account/sign-in";
import { signIn } from "@/server/auth";
import { type FormState, toFormState } from "./form-state";
import { formToObject, publicAction } from "./pipeline";

const input = z.object({ email: z.string().max(400), password: z.string().max(400), next: z.string().max(2000).optional() }).strip();

export async function signInWithPassword(_prev: FormState, form: FormData): Promise<FormState> {
  const outcome = await publicAction({ name: "sign-in", schema: input, decode: (raw) => formToObject(raw) }, form, async ({ input }) => {
    const parsed = signInSchema.safeParse(input);
    // a malformed email or password gets the same answer as a wrong one
    if (!parsed.success) return "invalid";
    await signInWithCredentials(parsed.data.email, parsed.data.password, safeNextPath(input.next));
  });
  if (outcome.ok && outcome.value === "invalid") return { error: "Wrong email or password.", code: "wrong_credentials" };
  return toFormState(outcome.ok ? { ...outcome, value: undefined } : outcome);
}

const githubInput = z.object({ next: z.string().max(2000).optional() }).strip();

export async function signInWithGitHub(form: FormData): Promise<void> {
  await publicAction({ name: "sign-in-github", schema: githubInput, decode: (raw) => formToObject(raw) }, form, async ({ input }) => {
    await signIn("github", { redirectTo: safeNextPath(input.next) });
  });
}
