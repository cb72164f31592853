import type { Outcome } from "./pipeline";

// The typed result every form action returns to useActionState.
export interface FormState {
  error?: string;
  code?: string;
  fieldErrors?: Record<string, string>;
  ok?: boolean;
  message?: string;
}

/** A pipeline outcome as form state: the success message, or the failure with its field errors. */
export function toFormState(outcome: Outcome<string | void>): FormState {
  if (outcome.ok) return outcome.value ? { ok: true, message: outcome.value } : {};
  const { failure } = outcome;
  // the pipeline's own parse failure: the form marks each field; the summary only points at them
  if (failure.code === "invalid_input" && failure.fieldErrors && failure.message.startsWith("That request was not valid")) return { error: "Check the fields marked below.", code: failure.code, fieldErrors: failure.fieldErrors };
  // a refusal about one field (a taken email) is shown at that field only
  if (failure.fieldErrors && Object.values(failure.fieldErrors).includes(failure.message)) return { code: failure.code, fieldErrors: failure.fieldErrors };
  return { error: failure.message, code: failure.code, ...(failure.fieldErrors ? { fieldErrors: failure.fieldErrors } : {}) };
}
