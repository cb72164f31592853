import Link from "next/link";
import { count, noun } from "@/lib/text/plural";
import type { HomeView } from "@/lib/views/home";

const tile = "card-surface flex flex-col p-5";

/** The signed-in home page: what to do now, the goal and streak, where to practise, tomorrow. */
export function Today({ home, timeZone }: { home: HomeView; timeZone: string }) {
  const left = home.left.learning + home.left.review + home.left.new;
  const goalPct = Math.min(100, Math.round((home.reviewedToday / home.dailyGoal) * 100));
  const time = (d: Date) => d.toLocaleTimeString("en-GB", { timeZone, hour: "2-digit", minute: "2-digit" });
  return (
    <div className="space-y-6">
      <h1 className="text-3xl font-bold tracking-tight">Today</h1>
      <div className="grid gap-4 sm:grid-cols-2">
        <section aria-labelledby="home-due" className={tile} data-testid="home-due">
          <h2 id="home-due" className="text-sm font-semibold text-slate-600 dark:text-slate-400">
            Review
          </h2>
          <p className="mt-1 text-3xl font-bold tabular-nums">
            {left} <span className="text-base font-medium">{noun(left, "card")} left today</span>
          </p>
          <p className="text-sm text-slate-600 dark:text-slate-400">
            {home.left.learning} learning · {home.left.review} review · {home.left.new} new
          </p>
          {home.dueNow > 0 ? (
            <Link href="/review" className="btn-primary mt-4 self-start">
              Start review
            </Link>
          ) : (
            <p className="mt-4 text-sm">
              {home.later.nextDue ? `Nothing due right now; the next learning card is back at ${time(home.later.nextDue)}.` : "All done for today."}{" "}
              <Link href="/quiz" className="link">
                Quiz yourself
              </Link>{" "}
              meanwhile.
            </p>
          )}
        </section>

        <section aria-labelledby="home-goal" className={tile} data-testid="home-goal">
          <h2 id="home-goal" className="text-sm font-semibold text-slate-600 dark:text-slate-400">
            Daily goal and streak
          </h2>
          <p className="mt-1 text-3xl font-bold tabular-nums">
            {home.reviewedToday} <span className="text-base font-medium">/ {count(home.dailyGoal, "card")}</span>
          </p>
          <div className="mt-2 h-2 rounded-full bg-slate-200 dark:bg-slate-800" role="progressbar" aria-label="Daily goal" aria-valuemin={0} aria-valuemax={home.dailyGoal} aria-valuenow={home.reviewedToday}>
            <div className={`h-2 rounded-full ${goalPct >= 100 ? "bg-emerald-600" : "bg-indigo-600"}`} style={{ width: `${goalPct}%` }} />
          </div>
          <p className="mt-3 text-sm" data-testid="home-streak">
            Streak: <strong>{count(home.streaks.current, "day")}</strong> · longest {count(home.streaks.longest, "day")}
          </p>
        </section>

        <section aria-labelledby="home-weakest" className={tile} data-testid="home-weakest">
          <h2 id="home-weakest" className="text-sm font-semibold text-slate-600 dark:text-slate-400">
            Weakest category
          </h2>
          {home.weakest ? (
            <>
              <p className="mt-1 text-xl font-bold">{home.weakest.name}</p>
              <p className="text-sm text-slate-600 dark:text-slate-400">
                Predicted recall today {Math.round((home.weakest.recall ?? 0) * 100)}%
              </p>
              <Link href={`/quiz?category=${home.weakest.slug}`} className="btn-ghost mt-4 self-start" aria-label={`Quiz it: ${home.weakest.name}`}>
                Quiz it
              </Link>
            </>
          ) : (
            <p className="mt-1 text-sm">Once you have studied a few cards, the category you recall least well shows up here.</p>
          )}
        </section>

        <section aria-labelledby="home-tomorrow" className={tile} data-testid="home-tomorrow">
          <h2 id="home-tomorrow" className="text-sm font-semibold text-slate-600 dark:text-slate-400">
            Tomorrow
          </h2>
          <p className="mt-1 text-xl font-bold">
            {count(home.tomorrow.due, "review")} · {count(home.tomorrow.new, "new card")}
          </p>
          <p className="mt-auto pt-3 text-sm">
            <Link href="/progress" className="link">
              See your progress
            </Link>{" "}
            ·{" "}
            <Link href="/tricks" className="link">
              Browse the catalogue
            </Link>
          </p>
        </section>
      </div>
    </div>
  );
}
