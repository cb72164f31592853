import "server-only";
import { computeParameters, FSRSBindingItem, FSRSBindingReview } from "@open-spaced-repetition/binding";
import { AppError } from "@/lib/app-error";
import type { OptimizeResult } from "@/lib/fsrs-fit/job-result";
import { metricsOf } from "@/lib/fsrs-fit/metrics";
import { checkHistory } from "@/lib/fsrs-fit/min-history";
import { predict } from "@/lib/fsrs-fit/predict";
import { splitByTime } from "@/lib/fsrs-fit/time-split";
import type { FitItem } from "@/lib/fsrs-fit/training-items";

const toBinding = (items: readonly FitItem[]) => items.map((i) => new FSRSBindingItem(i.reviews.map((r) => new FSRSBindingReview(r.rating, r.deltaT))));

/**
 * Fits FSRS parameters with fsrs-rs on the earlier 80% of the items and scores the current and
 * the new parameters on the later 20% (log loss, RMSE over bins). The parameters returned are
 * the ones scored: what the user sees is exactly what they adopt. `onProgress` gets 0..1.
 */
export async function fitAndEvaluate(items: readonly FitItem[], currentWeights: number[] | null, now: Date, onProgress: (fraction: number) => void = () => {}): Promise<OptimizeResult> {
  const verdict = checkHistory(items.length);
  if (!verdict.ok) throw new AppError("not_enough_history", verdict.message);
  const { train, test } = splitByTime(items);
  const weights = await computeParameters(toBinding(train), {
    enableShortTerm: true,
    progress: (current, total) => {
      if (total > 0) onProgress((0.95 * current) / total);
    },
  });
  const result: OptimizeResult = {
    weights,
    currentWeights,
    current: metricsOf(predict(test, currentWeights)),
    fitted: metricsOf(predict(test, weights)),
    reviews: items.length,
    trainReviews: train.length,
    testReviews: test.length,
    fittedAt: now.toISOString(),
  };
  onProgress(1);
  return result;
}
