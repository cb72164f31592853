import type { Progress } from "@/lib/views/progress";
import { ChartTable } from "./chart-table";
import { count } from "@/lib/text/plural";

const LEVEL_CLASS = [
  "fill-slate-200 dark:fill-slate-800",
  "fill-indigo-200 dark:fill-indigo-900",
  "fill-indigo-400 dark:fill-indigo-700",
  "fill-indigo-600 dark:fill-indigo-500",
  "fill-indigo-800 dark:fill-indigo-300",
];
const CELL = 11;
const GAP = 2;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

export function ActivityHeatmap({ weeks }: { weeks: Progress["heatmap"] }) {
  const days = weeks.flat().filter((d) => !d.future);
  const total = days.reduce((n, d) => n + d.count, 0);
  const active = days.filter((d) => d.count > 0).length;
  const busiest = days.reduce((best, d) => (d.count > best.count ? d : best), days[0]);
  const perMonth = new Map<string, number>();
  for (const d of days) perMonth.set(d.key.slice(0, 7), (perMonth.get(d.key.slice(0, 7)) ?? 0) + d.count);
  const width = weeks.length * (CELL + GAP) + 24;
  return (
    <figure>
      <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="Review calendar, scrolls sideways">
        <svg
          role="img"
          aria-label={`Reviews per day over the last year: ${count(total, "review")} on ${count(active, "day")}${busiest?.count ? `, most on ${busiest.key} (${busiest.count})` : ""}.`}
          viewBox={`0 0 ${width} ${7 * (CELL + GAP) + 16}`}
          className="min-w-[640px] text-slate-600 dark:text-slate-400"
          data-testid="heatmap"
        >
          {weeks.map((week, w) => {
            const first = week[0].key;
            const showMonth = first.slice(8) <= "07";
            return (
              <g key={first} transform={`translate(${24 + w * (CELL + GAP)}, 14)`}>
                {showMonth && (
                  <text y={-4} fontSize={9} className="fill-current">
                    {MONTHS[Number(first.slice(5, 7)) - 1]}
                  </text>
                )}
                {week.map((d, i) =>
                  d.future ? null : (
                    <rect key={d.key} y={i * (CELL + GAP)} width={CELL} height={CELL} rx={2} className={LEVEL_CLASS[d.level]} data-day={d.key} data-count={d.count}>
                      <title>{`${d.key}: ${count(d.count, "review")}`}</title>
                    </rect>
                  ),
                )}
              </g>
            );
          })}
          {["Mon", "Wed", "Fri"].map((label, i) => (
            <text key={label} x={0} y={14 + (i * 2 + 1) * (CELL + GAP) - 3} fontSize={9} className="fill-current">
              {label}
            </text>
          ))}
        </svg>
      </div>
      <ChartTable summary="Reviews per month as a table" caption="Reviews per month over the last year" head={["Month", "Reviews"]} rows={[...perMonth.entries()].map(([m, n]) => [m, n])} />
    </figure>
  );
}
