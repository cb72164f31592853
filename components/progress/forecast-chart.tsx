import type { Progress } from "@/lib/views/progress";
import { ChartTable } from "./chart-table";

const W = 640;
const H = 160;

export function ForecastChart({ days }: { days: Progress["forecast"] }) {
  const max = Math.max(1, ...days.map((d) => d.count));
  const bar = W / days.length;
  const total = days.reduce((n, d) => n + d.count, 0);
  return (
    <figure>
      <svg role="img" aria-label={`Reviews due in the next 30 days: ${total} in all, ${days[0].count} today.`} viewBox={`0 0 ${W} ${H + 20}`} className="w-full text-slate-600 dark:text-slate-400" data-testid="forecast">
        <line x1={0} x2={W} y1={H} y2={H} className="stroke-slate-300 dark:stroke-slate-700" />
        {days.map((d, i) => {
          const h = (d.count / max) * (H - 14);
          return (
            <g key={d.key}>
              <rect x={i * bar + 2} y={H - h} width={bar - 4} height={h} rx={2} className={i === 0 ? "fill-amber-500" : "fill-indigo-500 dark:fill-indigo-400"} data-day={d.key} data-count={d.count}>
                <title>{`${d.key}: ${d.count} due`}</title>
              </rect>
              {d.count > 0 && (
                <text x={i * bar + bar / 2} y={H - h - 3} fontSize={9} textAnchor="middle" className="fill-current">
                  {d.count}
                </text>
              )}
              {i % 7 === 0 && (
                <text x={i * bar + bar / 2} y={H + 13} fontSize={9} textAnchor="middle" className="fill-current">
                  {i === 0 ? "today" : d.key.slice(5)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <ChartTable summary="Forecast as a table" caption="Reviews due per day, next 30 days" head={["Day", "Due"]} rows={days.map((d) => [d.key, d.count])} />
    </figure>
  );
}
