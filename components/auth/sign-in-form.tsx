"use client";

import { Field, FormError } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { signInWithPassword } from "@/server/actions/sign-in";

export function SignInForm({ next }: { next: string }) {
  const { state, pending, formProps } = useFormAction(signInWithPassword);
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      <FormError message={state.error} />
      <Field label="Email" name="email" type="email" autoComplete="email" required autoFocus />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </button>
    </form>
  );
}
