"use client";

import { Field, FormError } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { PASSWORD_RULE } from "@/lib/auth/password-rule";
import { signUp } from "@/server/actions/sign-up";

export function SignUpForm({ next }: { next: string }) {
  const { state, pending, formProps } = useFormAction(signUp);
  const f = state.fieldErrors ?? {};
  return (
    <form {...formProps} className="space-y-4" noValidate>
      <input type="hidden" name="next" value={next} />
      {/* the browser's time zone becomes the account's, for "today" and streaks */}
      <input type="hidden" name="timeZone" value={typeof Intl !== "undefined" ? Intl.DateTimeFormat().resolvedOptions().timeZone : "UTC"} suppressHydrationWarning />
      <FormError message={state.error} />
      <Field label="Name (optional)" name="name" autoComplete="name" error={f.name} />
      <Field label="Email" name="email" type="email" autoComplete="email" required error={f.email} />
      <Field label="Password" name="password" type="password" autoComplete="new-password" required hint={`Use ${PASSWORD_RULE}.`} error={f.password} />
      <button type="submit" className="btn-primary w-full" disabled={pending}>
        {pending ? "Creating your account…" : "Create account"}
      </button>
    </form>
  );
}
