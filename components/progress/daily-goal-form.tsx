"use client";

import { useFormAction } from "@/components/ui/use-form-action";
import { updateDailyGoal } from "@/server/actions/update-daily-goal";

export function DailyGoalForm({ goal }: { goal: number }) {
  const { state, pending, formProps } = useFormAction(updateDailyGoal);
  return (
    <form {...formProps} className="flex flex-wrap items-end gap-2 text-sm" noValidate>
      <label htmlFor="daily-goal" className="text-slate-600 dark:text-slate-400">
        Daily goal
      </label>
      <input id="daily-goal" name="dailyGoal" type="number" min={1} max={9999} defaultValue={goal} className="w-20 rounded-lg border border-slate-300 bg-white px-2 py-1 dark:border-slate-700 dark:bg-slate-900" />
      <button type="submit" className="btn-ghost px-3 py-1" disabled={pending}>
        Set
      </button>
      <span role="status" className={state.error ? "text-red-600 dark:text-red-400" : "text-emerald-700 dark:text-emerald-400"}>
        {state.error ?? state.message}
      </span>
    </form>
  );
}
