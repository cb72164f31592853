// True retention and calibration of predicted recall.
import { CALIBRATION_EDGES } from "./recall";

export interface RetentionWindow {
  days: number;
  reviews: number;
  passed: number;
  /** share of review-state cards answered other than Again; null with no reviews */
  retention: number | null;
}

export const retentionWindow = (days: number, reviews: number, passed: number): RetentionWindow => ({
  days,
  reviews,
  passed,
  retention: reviews > 0 ? passed / reviews : null,
});

export interface CalibrationBin {
  from: number;
  to: number;
  count: number;
  predicted: number;
  actual: number;
}

/** Below this many reviews in total, calibration is too noisy to show. */
export const MIN_CALIBRATION_REVIEWS = 100;

export function calibration(rows: readonly { bin: number; count: number; passed: number; predicted: number }[]): { bins: CalibrationBin[]; total: number; enough: boolean } {
  const bins = rows
    .filter((r) => r.count > 0)
    .sort((a, b) => a.bin - b.bin)
    .map((r) => ({ from: CALIBRATION_EDGES[r.bin], to: CALIBRATION_EDGES[r.bin + 1], count: r.count, predicted: r.predicted, actual: r.passed / r.count }));
  const total = bins.reduce((n, b) => n + b.count, 0);
  return { bins, total, enough: total >= MIN_CALIBRATION_REVIEWS };
}
