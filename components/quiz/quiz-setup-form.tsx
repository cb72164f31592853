"use client";

import { useState } from "react";
import { CategoryCheckboxes } from "@/components/ui/category-checkboxes";
import { FormError } from "@/components/ui/field";
import { useFormAction } from "@/components/ui/use-form-action";
import { CARD_KIND_LABELS } from "@/lib/content/card-kind-labels";
import { shortfall, type PoolArea } from "@/lib/quiz/pool-size";
import { count } from "@/lib/text/plural";
import { startQuiz } from "@/server/actions/start-quiz";

interface Props {
  areas: PoolArea[];
  preselected: string[];
}

const MODES = [
  { value: "multiple-choice", label: "Multiple choice", hint: "Four names or four statements; pick the right one." },
  { value: "typed", label: "Typed recall", hint: "Type the trick's name; case, spacing and common aliases are accepted." },
  { value: "flashcards", label: "Flashcards", hint: "Self-graded with Again / Hard / Good / Easy; updates your schedule like a review." },
  { value: "diagnose", label: "Diagnose", hint: "A symptom seen in training and four tricks that each fix something; pick the one that fixes this." },
] as const;

const KINDS = ["what", "why", "when", "reverse", "cloze", "fact", "reference", "diagnose"] as const;

export function QuizSetupForm({ areas, preselected }: Props) {
  const { state, pending, formProps } = useFormAction(startQuiz);
  const [mode, setMode] = useState<string>("multiple-choice");
  const [selected, setSelected] = useState(() => new Set(preselected));
  const [length, setLength] = useState<"10" | "20" | "all">("10");
  const short = shortfall(areas, selected, mode, length === "all" ? "all" : Number(length));
  const toggle = (slug: string, on: boolean) =>
    setSelected((prev) => {
      const next = new Set(prev);
      if (on) next.add(slug);
      else next.delete(slug);
      return next;
    });
  const f = state.fieldErrors ?? {};
  return (
    <form {...formProps} className="space-y-6" noValidate>
      <FormError message={state.error} />
      <fieldset className="card-surface p-5">
        <legend className="px-1 font-semibold">Categories</legend>
        <CategoryCheckboxes areas={areas} checked={(slug) => selected.has(slug)} onToggle={toggle} error={f.categories} />
      </fieldset>

      <fieldset className="card-surface p-5">
        <legend className="px-1 font-semibold">Mode</legend>
        <div className="grid gap-3 sm:grid-cols-2">
          {MODES.map((m) => (
            <label key={m.value} className="flex cursor-pointer gap-2 rounded-lg border border-slate-200 p-3 text-sm has-[:checked]:border-indigo-500 has-[:checked]:bg-indigo-50 dark:border-slate-700 dark:has-[:checked]:bg-indigo-500/10">
              <input type="radio" name="mode" value={m.value} checked={mode === m.value} onChange={() => setMode(m.value)} className="mt-1" />
              <span>
                <span className="font-medium">{m.label}</span>
                <span className="block text-slate-600 dark:text-slate-400">{m.hint}</span>
              </span>
            </label>
          ))}
        </div>

        {mode === "multiple-choice" && (
          <div className="mt-4">
            <p className="text-sm font-medium">Questions</p>
            <div className="mt-1 flex flex-wrap gap-4 text-sm">
              {[
                ["mixed", "Mixed"],
                ["name", "Description → name"],
                ["statement", "Name → statement"],
              ].map(([value, label]) => (
                <label key={value} className="flex items-center gap-2">
                  <input type="radio" name="style" value={value} defaultChecked={value === "mixed"} /> {label}
                </label>
              ))}
            </div>
          </div>
        )}
        {mode === "flashcards" && (
          <div className="mt-4 space-y-4">
            <div>
              <p className="text-sm font-medium">Order</p>
              <div className="mt-1 flex flex-wrap gap-4 text-sm">
                <label className="flex items-center gap-2">
                  <input type="radio" name="order" value="due-first" defaultChecked /> Due first, then ahead of schedule
                </label>
                <label className="flex items-center gap-2">
                  <input type="radio" name="order" value="cram" /> Cram (shuffled)
                </label>
              </div>
              <p className="mt-1 text-xs text-slate-500 dark:text-slate-400">
                A card reviewed before it is due is logged as a cram review. FSRS takes the shorter elapsed time into account, so an early review raises its
                interval less and does not wreck the schedule.
              </p>
            </div>
            <div>
              <p className="text-sm font-medium">Card kinds (none ticked = all)</p>
              <div className="mt-1 flex flex-wrap gap-4 text-sm">
                {KINDS.map((k) => (
                  <label key={k} className="flex items-center gap-2">
                    <input type="checkbox" name="cardKinds" value={k} /> {CARD_KIND_LABELS[k]}
                  </label>
                ))}
              </div>
            </div>
          </div>
        )}
      </fieldset>

      <fieldset className="card-surface flex flex-wrap gap-6 p-5">
        <legend className="px-1 font-semibold">Length</legend>
        {(["10", "20", "all"] as const).map((l) => (
          <label key={l} className="flex items-center gap-2 text-sm">
            <input type="radio" name="length" value={l} checked={length === l} onChange={() => setLength(l)} /> {l === "all" ? "All" : `${l} questions`}
          </label>
        ))}
      </fieldset>

      {/* asking for more questions than the categories hold: say so before starting, offer more */}
      <div role="status" aria-live="polite">
        {short && (
          <div className="rounded-lg border border-amber-300 bg-amber-50 p-4 text-sm text-amber-950 dark:border-amber-500/50 dark:bg-amber-500/10 dark:text-amber-100" data-testid="quiz-shortfall">
            <p>
              These categories hold {count(short.available, mode === "flashcards" ? "card" : "trick")}, so this quiz will have{" "}
              {count(short.available, "question")}, not {length}.
            </p>
            <div className="mt-3 flex flex-wrap gap-2">
              <button type="button" className="btn-ghost" onClick={() => setSelected((prev) => new Set([...prev, ...short.widenWith]))}>
                Widen the pool: add {count(short.widenWith.length, "related category", "related categories")} ({short.widenedAvailable} {mode === "flashcards" ? "cards" : "tricks"})
              </button>
              <button type="button" className="btn-ghost" onClick={() => setLength("all")}>
                Keep these and ask all {short.available}
              </button>
            </div>
          </div>
        )}
      </div>

      {mode !== "flashcards" && (
        <label className="flex items-start gap-2 text-sm">
          <input type="checkbox" name="countsTowardSchedule" className="mt-1" />
          <span>
            <span className="font-medium">Count towards my schedule</span>
            <span className="block text-slate-600 dark:text-slate-400">
              Each answer then grades the question&apos;s card: wrong = Again, right = Good, right but slow (over 15 s, or 25 s typed) = Hard. Off: your schedule is
              untouched.
            </span>
          </span>
        </label>
      )}

      <button type="submit" className="btn-primary" disabled={pending}>
        {pending ? "Preparing…" : "Start quiz"}
      </button>
    </form>
  );
}
