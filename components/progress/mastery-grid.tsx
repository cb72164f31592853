import Link from "next/link";
import type { Progress } from "@/lib/views/progress";
import { ChartTable } from "./chart-table";

const BAND_STYLE = {
  none: "bg-white text-slate-700 dark:bg-slate-900 dark:text-slate-300",
  started: "bg-amber-50 text-amber-950 dark:bg-amber-500/10 dark:text-amber-100",
  developing: "bg-amber-200 text-amber-950 dark:bg-amber-500/30 dark:text-amber-50",
  solid: "bg-emerald-200 text-emerald-950 dark:bg-emerald-500/30 dark:text-emerald-50",
  mastered: "bg-emerald-500 text-white dark:bg-emerald-500/70",
} as const;

export const BAND_LABEL = { none: "not started", started: "started", developing: "developing", solid: "solid", mastered: "mastered" } as const;

const pct = (x: number | null) => (x === null ? "–" : `${Math.round(x * 100)}%`);

export function MasteryGrid({ categories }: { categories: Progress["categories"] }) {
  const areas = [...new Set(categories.map((c) => c.area))];
  return (
    <div>
      {areas.map((area) => (
        <div key={area} className="mb-4">
          <h3 className="mb-2 text-sm font-semibold text-slate-600 dark:text-slate-400">{area}</h3>
          <ul className="grid grid-cols-2 gap-2 sm:grid-cols-3 lg:grid-cols-4">
            {categories
              .filter((c) => c.area === area)
              .map((c) => (
                <li key={c.slug}>
                  <Link
                    prefetch={false}
                    href={`/categories/${c.slug}`}
                    data-testid="mastery-tile"
                    data-category={c.slug}
                    className={`block h-full rounded-lg border border-slate-200 p-3 text-sm transition hover:ring-2 hover:ring-indigo-400 dark:border-slate-700 ${BAND_STYLE[c.band]}`}
                  >
                    <span className="block font-semibold">{c.name}</span>
                    <span className="block text-xs opacity-90">
                      {BAND_LABEL[c.band]} · recall {pct(c.recall)}
                    </span>
                    <span className="mt-1 block text-xs opacity-90" data-testid="mastery-counts">
                      {c.new} new · {c.learning} learning · {c.young} young · {c.mature} mature
                    </span>
                  </Link>
                </li>
              ))}
          </ul>
        </div>
      ))}
      <ChartTable
        summary="Mastery as a table"
        caption="Cards per category by state, and average predicted recall today"
        head={["Category", "New", "Learning", "Young", "Mature", "Predicted recall", "Quiz accuracy"]}
        rows={categories.map((c) => [c.name, c.new, c.learning, c.young, c.mature, pct(c.recall), c.quiz ? `${c.quiz.correct}/${c.quiz.answered}` : "–"])}
      />
    </div>
  );
}
