import type { Progress } from "@/lib/views/progress";
import { ChartTable } from "./chart-table";
import { count } from "@/lib/text/plural";

const S = 220;
const P = 28;
const pos = (x: number) => P + ((x - 0.4) / 0.6) * (S - P - 16);

/** Predicted recall (FSRS) against actual recall, per bin: points on the diagonal are well calibrated. */
export function CalibrationChart({ data }: { data: Progress["calibration"] }) {
  if (!data.enough) {
    return (
      <p className="text-sm text-slate-600 dark:text-slate-400">
        Calibration appears after 100 reviews of cards in review; so far: {data.total}.
      </p>
    );
  }
  const maxCount = Math.max(...data.bins.map((b) => b.count));
  return (
    <figure className="flex flex-wrap items-start gap-6">
      <svg role="img" aria-label={`Predicted versus actual recall over ${count(data.total, "review")}.`} viewBox={`0 0 ${S} ${S}`} className="w-56 text-slate-600 dark:text-slate-400" data-testid="calibration">
        <line x1={pos(0.4)} y1={S - pos(0.4)} x2={pos(1)} y2={S - pos(1)} strokeDasharray="4 3" className="stroke-slate-400" />
        <line x1={P} x2={S} y1={S - P} y2={S - P} className="stroke-slate-300 dark:stroke-slate-700" />
        <line x1={P} x2={P} y1={0} y2={S - P} className="stroke-slate-300 dark:stroke-slate-700" />
        {[0.4, 0.6, 0.8, 1].map((v) => (
          <g key={v}>
            <text x={pos(v)} y={S - P + 12} fontSize={9} textAnchor="middle" className="fill-current">
              {v * 100}%
            </text>
            <text x={P - 4} y={S - pos(v) + 3} fontSize={9} textAnchor="end" className="fill-current">
              {v * 100}%
            </text>
          </g>
        ))}
        {data.bins.map((b) => (
          <circle key={b.from} cx={pos(Math.max(0.4, b.predicted))} cy={S - pos(Math.max(0.4, b.actual))} r={3 + 5 * Math.sqrt(b.count / maxCount)} className="fill-indigo-500/70 dark:fill-indigo-400/70">
            <title>{`predicted ${Math.round(b.predicted * 100)}%, actual ${Math.round(b.actual * 100)}% (${count(b.count, "review")})`}</title>
          </circle>
        ))}
        <text x={S / 2 + P / 2} y={S - 2} fontSize={9} textAnchor="middle" className="fill-current">
          predicted
        </text>
      </svg>
      <ChartTable
        summary="Calibration as a table"
        caption="Predicted and actual recall per bin"
        head={["Predicted", "Reviews", "Mean predicted", "Actual"]}
        rows={data.bins.map((b) => [`${Math.round(b.from * 100)}–${Math.round(b.to * 100)}%`, b.count, `${Math.round(b.predicted * 100)}%`, `${Math.round(b.actual * 100)}%`])}
      />
    </figure>
  );
}
