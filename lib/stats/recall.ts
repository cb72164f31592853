// The FSRS forgetting curve and what the progress page derives from it: predicted recall per
// card, the calibration bins' edges, and a bin's mean predicted recall from two sums. The
// database only aggregates (counts and sums); every formula lives here.
import { computeDecayFactor, default_w } from "ts-fsrs";

export interface Curve {
  decay: number;
  factor: number;
}

/** The curve of a user's FSRS weights (ts-fsrs defaults when none were optimised). */
export function curveOf(weights: readonly number[] | null | undefined): Curve {
  const { decay, factor } = computeDecayFactor(weights?.length ? [...weights] : default_w);
  return { decay, factor };
}

/** Predicted recall after `elapsedDays` at `stability`: R = (1 + factor * t / S) ^ decay. */
export const recallAfter = (elapsedDays: number, stability: number, c: Curve) => Math.pow(1 + (c.factor * Math.max(0, elapsedDays)) / stability, c.decay);

/** The elapsed/stability ratio at which predicted recall falls to `recall` (0 < recall <= 1). */
export const ratioAtRecall = (recall: number, c: Curve) => (Math.pow(recall, 1 / c.decay) - 1) / c.factor;

/** Predicted-recall bins: [0, 0.5), then 0.05 wide up to 1. */
export const CALIBRATION_EDGES = [0, 0.5, 0.55, 0.6, 0.65, 0.7, 0.75, 0.8, 0.85, 0.9, 0.95, 1];

/**
 * The ratios elapsed/stability where bins 1..10 begin (bin k holds recall >= its lower edge).
 * Recall falls as the ratio grows, so a review is in bin 0 when its ratio exceeds ratios[0], in
 * bin k when it exceeds ratios[k] but not ratios[k - 1], and in bin 10 otherwise. Comparing
 * `elapsedDays > ratio * stability` bins a review in SQL with no power function.
 */
export const calibrationRatios = (c: Curve) => CALIBRATION_EDGES.slice(1, 11).map((edge) => ratioAtRecall(edge, c));

/**
 * Mean predicted recall of `n` reviews from the sum and the sum of squares of their ratios
 * elapsed/stability: R at the mean ratio, corrected by the curve's curvature times the variance
 * (second-order expansion). Within one bin the ratios are close, and the error stays below 1e-4.
 */
export function meanRecall(n: number, sumRatio: number, sumRatioSq: number, c: Curve): number | null {
  if (n <= 0) return null;
  const mean = sumRatio / n;
  const variance = Math.max(0, sumRatioSq / n - mean * mean);
  const base = 1 + c.factor * mean;
  const curvature = c.decay * (c.decay - 1) * c.factor * c.factor * Math.pow(base, c.decay - 2);
  return Math.min(1, Math.pow(base, c.decay) + (curvature * variance) / 2);
}
