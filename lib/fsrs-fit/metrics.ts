// The two figures srs-benchmark reports for a memory model, computed on predictions:
//  - log loss: -mean(y ln p + (1 - y) ln(1 - p)), y = 1 when the card was recalled (rating > 1);
//  - RMSE(bins): predictions grouped into bins by (interval, review number, lapses), each bin's
//    mean prediction compared with its mean outcome, the squared gaps averaged with the bin sizes
//    as weights, then the square root. Bin edges follow srs-benchmark's rmse_matrix:
//      delta_t -> round(2.48 * 3.62^floor(log(max(delta_t, 1e-6)) / log(3.62)), 2)
//      i       -> round(1.99 * 1.89^floor(log(i) / log(1.89)), 0)
//      lapses  -> 0 if 0, else round(1.65 * 1.73^floor(log(lapses) / log(1.73)), 0)
//    where i counts the card's reviews up to and including this one and lapses counts earlier
//    Again grades given a day or more after the previous review (same-day ones are not lapses).

export interface Prediction {
  /** predicted probability of recall */
  p: number;
  /** 1 recalled, 0 forgotten */
  y: 0 | 1;
  deltaT: number;
  i: number;
  lapses: number;
}

const EPS = 1e-7;

export function logLoss(points: readonly Prediction[]): number {
  if (points.length === 0) return NaN;
  let sum = 0;
  for (const { p, y } of points) {
    const q = Math.min(1 - EPS, Math.max(EPS, p));
    sum += y === 1 ? Math.log(q) : Math.log(1 - q);
  }
  return -sum / points.length;
}

const round = (x: number, digits: number) => Math.round(x * 10 ** digits) / 10 ** digits;
export const deltaTBin = (t: number) => round(2.48 * 3.62 ** Math.floor(Math.log(Math.max(t, 1e-6)) / Math.log(3.62)), 2);
export const reviewBin = (i: number) => round(1.99 * 1.89 ** Math.floor(Math.log(i) / Math.log(1.89)), 0);
export const lapseBin = (n: number) => (n === 0 ? 0 : round(1.65 * 1.73 ** Math.floor(Math.log(n) / Math.log(1.73)), 0));

export function rmseBins(points: readonly Prediction[]): number {
  if (points.length === 0) return NaN;
  const bins = new Map<string, { p: number; y: number; n: number }>();
  for (const pt of points) {
    const key = `${deltaTBin(pt.deltaT)}|${reviewBin(pt.i)}|${lapseBin(pt.lapses)}`;
    const b = bins.get(key) ?? { p: 0, y: 0, n: 0 };
    b.p += pt.p;
    b.y += pt.y;
    b.n++;
    bins.set(key, b);
  }
  let sum = 0;
  for (const b of bins.values()) sum += b.n * ((b.y - b.p) / b.n) ** 2;
  return Math.sqrt(sum / points.length);
}

export interface Metrics {
  logLoss: number;
  rmseBins: number;
}

export const metricsOf = (points: readonly Prediction[]): Metrics => ({ logLoss: logLoss(points), rmseBins: rmseBins(points) });
