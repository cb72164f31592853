import Link from "next/link";
import { formatDuration } from "@/components/review/session-summary";
import { RenderedHtml } from "@/components/ui/rendered-html";
import { reviewMissed } from "@/server/actions/review-missed";
import type { QuizState } from "@/lib/views/quiz";

const pct = (a: number, b: number) => (b === 0 ? 0 : Math.round((a / b) * 100));

export function QuizResults({ state }: { state: QuizState }) {
  const r = state.results!;
  return (
    <section aria-labelledby="results-title" className="space-y-6" data-testid="quiz-results">
      <div className="card-surface p-6">
        <h2 id="results-title" className="text-2xl font-bold tracking-tight">
          Score: <span data-testid="quiz-score">{r.correct} / {r.total}</span> ({pct(r.correct, r.total)}%)
        </h2>
        <p className="mt-1 text-slate-600 dark:text-slate-400">
          Time: {formatDuration(r.timeMs)} · {state.countsTowardSchedule ? "counted towards your schedule" : "your schedule was not changed"}
        </p>
        <table className="mt-4 w-full text-left text-sm">
          <caption className="sr-only">Score per category</caption>
          <thead>
            <tr className="border-b border-slate-200 dark:border-slate-700">
              <th scope="col" className="py-2">Category</th>
              <th scope="col" className="py-2 text-right">Right</th>
              <th scope="col" className="w-1/3 py-2">
                <span className="sr-only">Share right</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {r.perCategory.map((c) => (
              <tr key={c.name} className="border-b border-slate-100 dark:border-slate-800">
                <td className="py-2">{c.name}</td>
                <td className="py-2 text-right tabular-nums">
                  {c.correct} / {c.total}
                </td>
                <td className="py-2 pl-3">
                  <div className="h-2 rounded-full bg-slate-200 dark:bg-slate-800" aria-hidden="true">
                    <div className="h-2 rounded-full bg-emerald-500" style={{ width: `${pct(c.correct, c.total)}%` }} />
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {r.missed.length > 0 ? (
        <div className="card-surface p-6">
          <h3 className="text-lg font-semibold">Missed ({r.missed.length})</h3>
          <ul className="mt-3 space-y-4" data-testid="missed-list">
            {r.missed.map((m) => (
              <li key={m.position} className="border-l-2 border-red-300 pl-3 dark:border-red-500/50">
                <RenderedHtml html={m.promptHtml} inline className="font-medium" />
                <dl className="mt-1 space-y-0.5 text-sm">
                  {m.given && (
                    <div>
                      <dt className="inline text-slate-500 dark:text-slate-400">You answered: </dt>
                      <dd className="inline text-red-700 dark:text-red-400">{m.given}</dd>
                    </div>
                  )}
                  {m.correct && (
                    <div>
                      <dt className="inline text-slate-500 dark:text-slate-400">Right answer: </dt>
                      <dd className="inline font-medium text-emerald-700 dark:text-emerald-400">{m.correct}</dd>
                    </div>
                  )}
                </dl>
                <Link href={`/tricks/${m.trick.slug}`} className="link text-sm">
                  Read {m.trick.name}
                </Link>
              </li>
            ))}
          </ul>
          <form action={reviewMissed} className="mt-5">
            <input type="hidden" name="attemptId" value={state.id} />
            <button type="submit" className="btn-primary">
              Review the missed ones now
            </button>
          </form>
        </div>
      ) : (
        <p className="card-surface p-6">Nothing missed. Well done!</p>
      )}
      <Link href="/quiz" className="btn-ghost">
        New quiz
      </Link>
    </section>
  );
}
