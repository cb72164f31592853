"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { setCardSuspended } from "@/server/actions/set-card-suspended";

export function SuspendButton({ cardId, suspended }: { cardId: string; suspended: boolean }) {
  const { state, pending, formProps } = useFormAction(setCardSuspended);
  return (
    <form {...formProps} className="inline-flex items-center gap-2">
      <input type="hidden" name="cardId" value={cardId} />
      <input type="hidden" name="suspend" value={suspended ? "false" : "true"} />
      <button type="submit" className="btn-ghost px-2 py-1 text-xs" disabled={pending}>
        {suspended ? "Unsuspend" : "Suspend"}
      </button>
      {state.error && (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {state.error}
        </span>
      )}
    </form>
  );
}
