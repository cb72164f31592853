import type { Metadata } from "next";
import Link from "next/link";
import { formatDuration } from "@/components/review/session-summary";
import { ActivityHeatmap } from "@/components/progress/activity-heatmap";
import { CalibrationChart } from "@/components/progress/calibration-chart";
import { DailyGoalForm } from "@/components/progress/daily-goal-form";
import { ForecastChart } from "@/components/progress/forecast-chart";
import { LeechList } from "@/components/progress/leech-list";
import { MasteryGrid } from "@/components/progress/mastery-grid";
import { TrickTable } from "@/components/progress/trick-table";
import { requireSession } from "@/server/auth";
import { db } from "@/server/db";
import { leechCards } from "@/server/queries/leeches";
import { getProgress } from "@/server/queries/progress";
import { count, noun } from "@/lib/text/plural";

export const metadata: Metadata = { title: "Progress" };
export const dynamic = "force-dynamic";

function Section({ id, title, children, note }: { id: string; title: string; children: React.ReactNode; note?: string }) {
  return (
    <section aria-labelledby={id} className="card-surface p-5">
      <h2 id={id} className="text-lg font-semibold">
        {title}
      </h2>
      {note && <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">{note}</p>}
      <div className="mt-4">{children}</div>
    </section>
  );
}

const pct = (x: number | null) => (x === null ? "–" : `${(x * 100).toFixed(1)}%`);

export default async function ProgressPage() {
  const { user, settings } = await requireSession("/progress");
  const now = new Date();
  const [p, leeches] = await Promise.all([getProgress(db, user.id, settings, now), leechCards(db, user.id, settings, now)]);
  const goalPct = Math.min(100, Math.round((p.reviewedToday / p.dailyGoal) * 100));
  const empty = p.totals.reviews === 0;

  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-3xl font-bold tracking-tight">Progress</h1>
          <p className="mt-1 text-slate-600 dark:text-slate-400">
            Streak: <strong data-testid="streak-current">{p.streaks.current}</strong> {noun(p.streaks.current, "day")} · longest{" "}
            <strong data-testid="streak-longest">{p.streaks.longest}</strong>
          </p>
        </div>
        <div className="w-full max-w-sm">
          <div className="flex justify-between text-sm">
            <span>Today</span>
            <span data-testid="goal-text">
              {p.reviewedToday} / {count(p.dailyGoal, "card")}
            </span>
          </div>
          <div className="mt-1 h-2 rounded-full bg-slate-200 dark:bg-slate-800" role="progressbar" aria-label="Daily goal" aria-valuemin={0} aria-valuemax={p.dailyGoal} aria-valuenow={p.reviewedToday}>
            <div className={`h-2 rounded-full ${goalPct >= 100 ? "bg-emerald-500" : "bg-indigo-600"}`} style={{ width: `${goalPct}%` }} />
          </div>
          <div className="mt-2">
            <DailyGoalForm goal={p.dailyGoal} />
          </div>
        </div>
      </div>

      {empty && (
        <div className="rounded-xl border border-indigo-200 bg-indigo-50 p-5 dark:border-indigo-500/40 dark:bg-indigo-500/10" data-testid="progress-empty">
          <h2 className="font-semibold">Nothing studied yet</h2>
          <p className="mt-1 text-sm">
            Your mastery map, calendar and forecast fill in as you study. Start with{" "}
            <Link href="/review" className="link">
              today&apos;s review
            </Link>{" "}
            ({count(settings.newCardsPerDay, "new card")} a day), or{" "}
            <Link href="/quiz" className="link">
              quiz yourself on one category
            </Link>
            .
          </p>
        </div>
      )}

      <dl className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {[
          ["Cards studied", p.totals.studied],
          ["Reviews", p.totals.reviews],
          ["Time spent", formatDuration(p.totals.timeMs)],
          ["Days studied (year)", p.activeDays],
        ].map(([label, value]) => (
          <div key={label} className="card-surface p-4">
            <dt className="text-sm text-slate-500 dark:text-slate-400">{label}</dt>
            <dd className="text-2xl font-bold tabular-nums">{value}</dd>
          </div>
        ))}
      </dl>

      <Section id="mastery" title="Mastery by category" note="Colour: how much of a category you know and how well you recall it today. Mature = interval of 21 days or more.">
        <MasteryGrid categories={p.categories} />
      </Section>

      {!empty && (
        <>
          <Section id="weakest" title="Tricks, weakest first" note="Recall now is FSRS's predicted probability of recall today, averaged over the trick's studied cards.">
            <TrickTable rows={p.tricks} categorySlugs={p.trickCategory} leechTricks={[...new Set(leeches.map((l) => l.trick.slug))]} />
          </Section>

          <Section id="leeches" title={`Leeches (${leeches.length})`} note={`Cards you forgot ${settings.leechThreshold} times or more, weakest first. Re-read the trick, then reset the card or quiz yourself on it.`}>
            <LeechList leeches={leeches} threshold={settings.leechThreshold} />
          </Section>

          <Section id="activity" title="Activity" note={`Reviews per study day over the last year (${settings.timeZone}, days start at ${settings.dayStartHour}:00).`}>
            <ActivityHeatmap weeks={p.heatmap} />
          </Section>

          <Section id="forecast" title="Forecast" note="Reviews due on each of the next 30 days (overdue cards count today).">
            <ForecastChart days={p.forecast} />
          </Section>

          <Section id="retention" title="Retention" note={`True retention: the share of cards in review answered other than Again. Your desired retention is ${pct(settings.desiredRetention)}.`}>
            <dl className="grid grid-cols-3 gap-3" data-testid="retention">
              {p.retention.map((r) => (
                <div key={r.days} className="rounded-lg border border-slate-200 p-3 dark:border-slate-700">
                  <dt className="text-sm text-slate-500 dark:text-slate-400">Last {r.days} days</dt>
                  <dd className="text-xl font-bold tabular-nums">{pct(r.retention)}</dd>
                  <dd className="text-xs text-slate-600 dark:text-slate-400">{count(r.reviews, "review")}</dd>
                </div>
              ))}
            </dl>
            <h3 className="mt-6 text-sm font-semibold">Calibration</h3>
            <p className="mb-3 text-xs text-slate-500 dark:text-slate-400">Predicted recall when you reviewed a card, against how often you actually recalled it. On the dashed line, FSRS is well calibrated for you.</p>
            <CalibrationChart data={p.calibration} />
          </Section>
        </>
      )}
    </div>
  );
}
