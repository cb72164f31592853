"use client";

import Link from "next/link";
import { useCallback, useEffect, useRef, useState, useTransition } from "react";
import { RenderedHtml } from "@/components/ui/rendered-html";
import { answerDuration, GRADE_NAMES } from "@/lib/srs/grades";
import { useHydrated } from "@/components/ui/use-hydrated";
import { answerQuiz, type AnswerResult } from "@/server/actions/answer-quiz";
import type { AnswerFeedback } from "@/lib/views/quiz";
import type { QuizState } from "@/lib/views/quiz";
import { QuizResults } from "./quiz-results";

const LETTERS = ["A", "B", "C", "D"];
const GRADES = ([1, 2, 3, 4] as const).map((g) => [g, GRADE_NAMES[g]] as const);

export function QuizRunner({ initial }: { initial: QuizState }) {
  const [state, setState] = useState(initial);
  const [feedback, setFeedback] = useState<AnswerFeedback | null>(null);
  const [nextState, setNextState] = useState<QuizState | null>(null);
  const [typed, setTyped] = useState("");
  const [revealed, setRevealed] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();
  const shownAt = useRef(0);
  const busy = useRef(false);
  const continueRef = useRef<HTMLButtonElement>(null);
  const item = state.current;
  const ready = useHydrated();

  useEffect(() => {
    shownAt.current = performance.now();
  }, [item?.position]);
  useEffect(() => {
    if (feedback) continueRef.current?.focus();
  }, [feedback]);

  const submit = useCallback(
    (answer: number | string) => {
      if (!item || busy.current || feedback) return;
      busy.current = true;
      const durationMs = answerDuration(shownAt.current, performance.now());
      startTransition(async () => {
        try {
          const result: AnswerResult = await answerQuiz({ attemptId: state.id, position: item.position, answer, durationMs });
          if (!result.ok) {
            setError(result.error);
            if (result.state) setState(result.state);
            return;
          }
          setError(null);
          setTyped("");
          setRevealed(false);
          if (item.kind === "flashcard") setState(result.state);
          else {
            setFeedback(result.feedback);
            setNextState(result.state);
          }
        } catch {
          setError("Could not reach the server; your answer may not be saved. Try again.");
        } finally {
          busy.current = false;
        }
      });
    },
    [item, feedback, state.id],
  );

  const next = useCallback(() => {
    if (!feedback || !nextState) return;
    setState(nextState);
    setFeedback(null);
    setNextState(null);
  }, [feedback, nextState]);

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.altKey || e.metaKey || e.ctrlKey) return;
      const target = e.target as HTMLElement | null;
      const typing = target?.tagName === "INPUT" || target?.tagName === "TEXTAREA";
      if (feedback) {
        if (e.key === "Enter" && target !== continueRef.current) {
          e.preventDefault();
          next();
        }
        return;
      }
      if (!item || typing) return;
      const key = e.key.toLowerCase();
      if (item.kind === "flashcard") {
        if ((key === " " || key === "enter") && !revealed && target?.tagName !== "BUTTON") {
          e.preventDefault();
          setRevealed(true);
        } else if (revealed && ["1", "2", "3", "4"].includes(key)) {
          e.preventDefault();
          submit(Number(key));
        }
        return;
      }
      const index = ["1", "2", "3", "4"].indexOf(key) >= 0 ? Number(key) - 1 : ["a", "b", "c", "d"].indexOf(key);
      if (index >= 0 && index < item.choicesHtml.length) {
        e.preventDefault();
        submit(index);
      }
    };
    window.addEventListener("keydown", onKey);
    return () => window.removeEventListener("keydown", onKey);
  }, [item, feedback, revealed, submit, next]);

  if (!item && !feedback) return state.results ? <QuizResults state={state} /> : null;

  const done = feedback ? state.answered + 1 : state.answered;
  return (
    <div className="space-y-4" data-ready={ready || undefined} data-testid="quiz-runner">
      <div>
        <div className="flex justify-between text-sm">
          <span data-testid="quiz-progress">
            Question {Math.min(done + (feedback ? 0 : 1), state.total)} of {state.total}
          </span>
          <span>{state.correctSoFar + (feedback?.isCorrect ? 1 : 0)} right so far</span>
        </div>
        <div className="mt-2 h-2 rounded-full bg-slate-200 dark:bg-slate-800" role="progressbar" aria-label="Quiz progress" aria-valuemin={0} aria-valuemax={state.total} aria-valuenow={done}>
          <div className="h-2 rounded-full bg-indigo-600 transition-all" style={{ width: `${(done / state.total) * 100}%` }} />
        </div>
      </div>
      <p role="status" aria-live="polite" className={error ? "rounded-lg bg-amber-50 px-3 py-2 text-sm text-amber-900 dark:bg-amber-500/10 dark:text-amber-100" : "sr-only"}>
        {error}
      </p>

      {item && item.kind === "flashcard" && item.card && !feedback && (
        <section aria-label="Card" className="card-surface p-5 sm:p-8" data-testid="quiz-card">
          <p className="text-xs font-medium uppercase tracking-wide text-slate-500 dark:text-slate-400">
            {item.card.trick.category} · <span className="normal-case">{item.card.trick.name}</span>
          </p>
          <RenderedHtml html={item.card.frontHtml} className="mt-4 text-lg font-medium" />
          {revealed ? (
            <div className="mt-6 border-t border-slate-200 pt-6 dark:border-slate-800">
              <RenderedHtml html={item.card.backHtml} className="card-answer" />
              <div className="mt-6 grid grid-cols-2 gap-2 sm:grid-cols-4" role="group" aria-label="Grade your answer">
                {GRADES.map(([g, name]) => (
                  <button key={g} type="button" className="btn-ghost flex-col" disabled={pending} onClick={() => submit(g)}>
                    {name}
                    <span className="text-xs font-normal text-slate-600 dark:text-slate-400">
                      {item.card!.intervals[g]} · {g}
                    </span>
                  </button>
                ))}
              </div>
            </div>
          ) : (
            <button type="button" className="btn-primary mt-6" onClick={() => setRevealed(true)}>
              Show answer (Space)
            </button>
          )}
        </section>
      )}

      {item && item.kind === "flashcard" && !item.card && !feedback && (
        <section aria-label="Card" className="card-surface p-5" data-testid="quiz-card">
          <p>This card has been removed from the catalogue since the quiz began.</p>
          <button type="button" className="btn-primary mt-4" onClick={() => submit(3)} disabled={pending}>
            Skip it
          </button>
        </section>
      )}

      {item && item.kind !== "flashcard" && (
        <section aria-label="Question" className="card-surface p-5 sm:p-8" data-testid="quiz-question">
          <RenderedHtml html={item.promptHtml} className="text-lg font-medium" />
          {item.kind === "typed" ? (
            <form
              className="mt-6 flex flex-col gap-2 sm:flex-row"
              onSubmit={(e) => {
                e.preventDefault();
                submit(typed);
              }}
            >
              <label htmlFor="typed-answer" className="sr-only">
                Name of the trick
              </label>
              <input
                id="typed-answer"
                value={typed}
                onChange={(e) => setTyped(e.target.value)}
                disabled={!!feedback || pending}
                autoFocus
                autoComplete="off"
                maxLength={200}
                placeholder="Type the name, then Enter"
                className="flex-1 rounded-lg border border-slate-300 bg-white px-3 py-2 dark:border-slate-700 dark:bg-slate-900"
              />
              <button type="submit" className="btn-primary" disabled={!!feedback || pending || !typed.trim()}>
                Answer
              </button>
            </form>
          ) : (
            <ol className="mt-6 grid gap-2" aria-label="Choices">
              {item.choicesHtml.map((html, i) => {
                const text = item.choices[i];
                const mark = !feedback ? "" : text === feedback.correct ? "border-emerald-500 ring-2 ring-emerald-500/30" : text === feedback.given ? "border-red-500 ring-2 ring-red-500/30" : "opacity-60";
                return (
                  <li key={i}>
                    <button
                      type="button"
                      onClick={() => submit(i)}
                      disabled={!!feedback || pending}
                      aria-keyshortcuts={`${i + 1} ${LETTERS[i]}`}
                      data-chosen={feedback && text === feedback.given ? "true" : undefined}
                      className={`flex w-full items-start gap-3 rounded-lg border border-slate-200 bg-white p-3 text-left hover:border-indigo-400 disabled:cursor-default dark:border-slate-700 dark:bg-slate-900 ${mark}`}
                    >
                      <kbd className="grid h-6 w-6 shrink-0 place-items-center rounded border border-slate-300 text-xs dark:border-slate-600">{LETTERS[i]}</kbd>
                      <RenderedHtml html={html} inline />
                    </button>
                  </li>
                );
              })}
            </ol>
          )}
        </section>
      )}

      {feedback && (
        <section
          aria-live="assertive"
          data-testid="quiz-feedback"
          className={`rounded-xl border p-5 ${feedback.isCorrect ? "border-emerald-300 bg-emerald-50 dark:border-emerald-500/40 dark:bg-emerald-500/10" : "border-red-300 bg-red-50 dark:border-red-500/40 dark:bg-red-500/10"}`}
        >
          <p className="text-lg font-semibold">{feedback.isCorrect ? "Right!" : "Not quite."}</p>
          {!feedback.isCorrect && (
            <p className="mt-1">
              Right answer: <strong>{feedback.correct}</strong>
            </p>
          )}
          <p className="mt-1 text-sm text-slate-700 dark:text-slate-300">
            {feedback.why !== feedback.correct && (
              <>
                {item?.kind === "diagnose" ? `Why ${feedback.trick.name} fits: ` : `${feedback.trick.name}: `}
                {feedback.why}{" "}
              </>
            )}
            <Link href={`/tricks/${feedback.trick.slug}`} target="_blank" className="link">
              Read the trick
            </Link>
          </p>
          {feedback.whyNot && (
            <p className="mt-1 text-sm text-slate-700 dark:text-slate-300" data-testid="why-not">
              {feedback.whyNot.name} addresses “{feedback.whyNot.symptom.replace(/[.!]$/, "")}” instead: {feedback.whyNot.because}
            </p>
          )}
          {feedback.rating !== null && <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">Counted towards your schedule as {GRADES[feedback.rating - 1][1]}.</p>}
          <button ref={continueRef} type="button" onClick={next} className="btn-primary mt-4">
            {feedback.finished ? "See results" : "Continue"} (Enter)
          </button>
        </section>
      )}
    </div>
  );
}
