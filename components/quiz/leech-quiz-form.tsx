"use client";

import { FormError } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { startLeechQuiz } from "@/server/actions/start-leech-quiz";

const MODES = [
  ["flashcards", "Flashcards on the leech cards (counts like a review)"],
  ["multiple-choice", "Multiple choice on their tricks"],
  ["typed", "Typed recall of their tricks"],
] as const;

/** The "Leeches" source: a quiz on exactly the cards the user keeps forgetting. */
export function LeechQuizForm({ count, highlight }: { count: number; highlight: boolean }) {
  const { state, pending, formProps } = useFormAction(startLeechQuiz);
  return (
    <section aria-labelledby="leech-quiz" className={`card-surface p-5 ${highlight ? "ring-2 ring-indigo-500" : ""}`} data-testid="leech-quiz">
      <h2 id="leech-quiz" className="text-lg font-semibold">
        Leeches ({count})
      </h2>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Quiz yourself on the cards you keep forgetting, and on nothing else.</p>
      <form {...formProps} className="mt-3 space-y-3" noValidate>
        <FormError message={state.error} />
        <fieldset>
          <legend className="sr-only">Mode</legend>
          <div className="flex flex-wrap gap-4 text-sm">
            {MODES.map(([value, label]) => (
              <label key={value} className="flex items-center gap-2">
                <input type="radio" name="mode" value={value} defaultChecked={value === "flashcards"} /> {label}
              </label>
            ))}
          </div>
        </fieldset>
        <button type="submit" className="btn-primary" disabled={pending}>
          {pending ? "Preparing…" : "Quiz my leeches"}
        </button>
      </form>
    </section>
  );
}
