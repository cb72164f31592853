"use client";

import { Field, FormError } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { PASSWORD_RULE } from "@/lib/auth/password-rule";
import { changePassword } from "@/server/actions/change-password";
import { signOutEverywhere } from "@/server/actions/sign-out-everywhere";

/** Change password (ends the other sessions) and "sign out everywhere". */
export function AccountPanel({ hasPassword }: { hasPassword: boolean }) {
  const { state, pending, formProps } = useFormAction(changePassword);
  const f = state.fieldErrors ?? {};
  return (
    <section aria-labelledby="account" className="card-surface mt-8 p-5">
      <h2 id="account" className="font-semibold">
        Account and sessions
      </h2>
      {hasPassword && (
        <form {...formProps} className="mt-4 grid gap-4 sm:max-w-md" noValidate data-testid="change-password">
          <h3 className="text-sm font-semibold">Change password</h3>
          <FormError message={state.error} />
          <Field label="Current password" name="currentPassword" type="password" autoComplete="current-password" error={f.currentPassword} required />
          <Field label="New password" name="newPassword" type="password" autoComplete="new-password" error={f.newPassword} hint={`Use ${PASSWORD_RULE}. Your other devices are signed out.`} required />
          <div className="flex flex-wrap items-center gap-3">
            <button type="submit" className="btn-primary" disabled={pending}>
              {pending ? "Changing…" : "Change password"}
            </button>
            <span role="status" className="text-sm text-emerald-700 dark:text-emerald-400">
              {state.ok ? state.message : ""}
            </span>
          </div>
        </form>
      )}
      <form action={signOutEverywhere} className="mt-6">
        <p className="text-sm text-slate-600 dark:text-slate-400">Lost a device, or signed in on a shared computer? End every session, this one included.</p>
        <button type="submit" className="btn-ghost mt-2">
          Sign out everywhere
        </button>
      </form>
    </section>
  );
}
