"use client";

import { startTransition, useActionState, type FormEvent } from "react";
import type { FormState } from "@/server/actions/form-state";

/**
 * useActionState for forms that keep what the user typed when the server refuses it: React
 * resets a form after a form action, so with JavaScript the submit is dispatched by hand
 * (no reset); without JavaScript the plain `action` still works.
 */
export function useFormAction(action: (prev: FormState, form: FormData) => Promise<FormState>) {
  const [state, dispatch, pending] = useActionState<FormState, FormData>(action, {});
  const onSubmit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const data = new FormData(e.currentTarget);
    startTransition(() => dispatch(data));
  };
  return { state, pending, formProps: { action: dispatch, onSubmit } };
}
