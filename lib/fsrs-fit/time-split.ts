// The time split: fit on the earlier part of the history, judge on the later part, so parameters
// are never scored on the reviews they were fitted to. Items are ordered by when their predicted
// review happened; the histories of test items may include earlier reviews (they are inputs).
import type { FitItem } from "./training-items";

export const TEST_FRACTION = 0.2;

export function splitByTime<T extends Pick<FitItem, "at">>(items: readonly T[], testFraction = TEST_FRACTION): { train: T[]; test: T[]; cutoff: number } {
  const sorted = [...items].sort((a, b) => a.at - b.at);
  const cut = Math.max(1, Math.min(sorted.length - 1, Math.round(sorted.length * (1 - testFraction))));
  const cutoff = sorted[cut]?.at ?? Infinity;
  // reviews at the same instant stay on one side
  return { train: sorted.filter((i) => i.at < cutoff), test: sorted.filter((i) => i.at >= cutoff), cutoff };
}
