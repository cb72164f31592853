import type { Metrics } from "@/lib/fsrs-fit/metrics";

const fmt = (n: number) => n.toFixed(4);

/** Current against new parameters on the held-out reviews; the better figure of each row is marked. */
export function MetricsTable({ current, fitted }: { current: Metrics; fitted: Metrics }) {
  const rows: [string, keyof Metrics][] = [
    ["Log loss", "logLoss"],
    ["RMSE over bins", "rmseBins"],
  ];
  return (
    <table className="w-full max-w-md text-sm" data-testid="metrics-table">
      <thead>
        <tr className="text-left">
          <th scope="col" className="py-1">
            Figure
          </th>
          <th scope="col">Current</th>
          <th scope="col">New</th>
        </tr>
      </thead>
      <tbody>
        {rows.map(([label, key]) => (
          <tr key={key} className="border-t border-slate-200 dark:border-slate-800">
            <th scope="row" className="py-1 text-left font-normal">
              {label}
            </th>
            <td data-testid={`current-${key}`} className={current[key] <= fitted[key] ? "font-semibold" : undefined}>
              {fmt(current[key])}
            </td>
            <td data-testid={`fitted-${key}`} className={fitted[key] < current[key] ? "font-semibold" : undefined}>
              {fmt(fitted[key])}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
