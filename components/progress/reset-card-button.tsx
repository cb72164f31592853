"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { resetCard } from "@/server/actions/reset-card";

/** "Reset": forget the card (new again, no lapses), after a confirmation since it drops its progress. */
export function ResetCardButton({ cardId, label }: { cardId: string; label: string }) {
  const { state, pending, formProps } = useFormAction(resetCard);
  return (
    <form
      {...formProps}
      onSubmit={(e) => {
        if (!window.confirm(`Reset "${label}"? It becomes a new card again and loses its progress.`)) return e.preventDefault();
        formProps.onSubmit(e);
      }}
      className="inline-flex items-center gap-2"
    >
      <input type="hidden" name="cardId" value={cardId} />
      <button type="submit" className="btn-ghost px-2 py-1 text-xs" disabled={pending}>
        Reset
      </button>
      {state.error && (
        <span role="alert" className="text-xs text-red-600 dark:text-red-400">
          {state.error}
        </span>
      )}
    </form>
  );
}
