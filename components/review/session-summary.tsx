import Link from "next/link";
import { GRADE_NAMES } from "@/lib/srs/grades";
import type { ReviewView } from "@/lib/views/review";
import { count, noun } from "@/lib/text/plural";


export function formatDuration(ms: number): string {
  const s = Math.round(ms / 1000);
  if (s < 60) return `${s} s`;
  const m = Math.floor(s / 60);
  return m < 60 ? `${m} min ${s % 60} s` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function SessionSummary({ view, timeZone, onRefresh }: { view: ReviewView; timeZone: string; onRefresh: () => void }) {
  const s = view.summary!;
  const when = (iso: string) => new Date(iso).toLocaleString("en-GB", { timeZone, weekday: "short", hour: "2-digit", minute: "2-digit", day: "numeric", month: "short" });
  return (
    <section aria-labelledby="summary-title" className="card-surface p-6" data-testid="session-summary">
      <h2 id="summary-title" className="text-2xl font-bold tracking-tight">
        {s.reviewed > 0 ? "Done for now. Well studied!" : "Nothing to review right now"}
      </h2>
      <dl className="mt-6 grid grid-cols-2 gap-4 sm:grid-cols-4">
        <div>
          <dt className="text-sm text-slate-500 dark:text-slate-400">Cards reviewed today</dt>
          <dd className="text-2xl font-bold" data-testid="summary-reviewed">{s.reviewed}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500 dark:text-slate-400">Time</dt>
          <dd className="text-2xl font-bold">{formatDuration(s.timeMs)}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500 dark:text-slate-400">Due tomorrow</dt>
          <dd className="text-2xl font-bold">{s.tomorrow.due}</dd>
        </div>
        <div>
          <dt className="text-sm text-slate-500 dark:text-slate-400">New tomorrow</dt>
          <dd className="text-2xl font-bold">{s.tomorrow.new}</dd>
        </div>
      </dl>
      {s.reviewed > 0 && (
        <div className="mt-6">
          <h3 className="text-sm font-semibold">Grades</h3>
          <ul className="mt-2 flex flex-wrap gap-2">
            {([1, 2, 3, 4] as const).map((g) => (
              <li key={g} className="badge">
                {GRADE_NAMES[g]}: {s.grades[g]}
              </li>
            ))}
          </ul>
        </div>
      )}
      <div className="mt-6 space-y-2 text-slate-700 dark:text-slate-300">
        {view.later.count > 0 && view.later.nextDue ? (
          <p>
            {count(view.later.count, "card")} {noun(view.later.count, "is", "are")} still in learning and {noun(view.later.count, "comes", "come")} back from {when(view.later.nextDue)}.{" "}
            <button type="button" onClick={onRefresh} className="link">
              Check again
            </button>
          </p>
        ) : s.nextDue ? (
          <p>Your next card is due {when(s.nextDue)}.</p>
        ) : null}
        <p>
          Meanwhile, read up on a trick in the{" "}
          <Link href="/tricks" className="link">
            catalogue
          </Link>
          {" "}or change your limits in{" "}
          <Link href="/settings" className="link">
            settings
          </Link>
          .
        </p>
      </div>
    </section>
  );
}
