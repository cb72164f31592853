"use client";

import { useRouter } from "next/navigation";
import { useCallback, useEffect, useState, useTransition } from "react";
import { fittedIsBetter } from "@/lib/fsrs-fit/fitted-is-better";
import { adoptFittedParameters } from "@/server/actions/adopt-parameters";
import { applyOptimalRetention } from "@/server/actions/apply-optimal-retention";
import { readOptimizerStatus } from "@/server/actions/read-optimizer-status";
import { resetMyParameters } from "@/server/actions/reset-parameters";
import { startOptimization } from "@/server/actions/start-optimization";
import type { OptimizerStatus } from "@/lib/views/optimizer";
import { MetricsTable } from "./metrics-table";

const fmt = (n: number) => n.toFixed(4);

/**
 * "Optimise my parameters": starts the background job, polls its progress every second while it
 * is queued or running (the rest of the page stays usable), then shows the current and the new
 * parameters' held-out figures side by side with the choice to adopt.
 */
export function OptimizerPanel({ initial }: { initial: OptimizerStatus }) {
  const [status, setStatus] = useState(initial);
  const [message, setMessage] = useState<{ ok: boolean; text: string } | null>(null);
  const [pending, startTransition] = useTransition();
  const [reschedule, setReschedule] = useState(true);
  const router = useRouter();

  const refresh = useCallback(async () => {
    const outcome = await readOptimizerStatus();
    if (outcome.ok) setStatus(outcome.value);
  }, []);

  useEffect(() => {
    if (!status.active) return;
    const timer = setInterval(refresh, 1000);
    return () => clearInterval(timer);
  }, [status.active, refresh]);

  const run = (action: () => Promise<{ ok: true; value: string } | { ok: false; failure: { message: string } }>, then?: () => void) =>
    startTransition(async () => {
      const outcome = await action();
      setMessage(outcome.ok ? { ok: true, text: outcome.value } : { ok: false, text: outcome.failure.message });
      await refresh();
      if (outcome.ok) then?.();
    });

  const { active, last, current } = status;
  const optimal = current.optimalRetention;
  const result = last?.result && !last.adopted ? last.result : null;
  const better = result ? fittedIsBetter(result) : false;
  return (
    <section aria-labelledby="optimizer" className="card-surface mt-8 space-y-4 p-5" data-testid="optimizer-panel">
      <h2 id="optimizer" className="font-semibold">
        Personal FSRS parameters
      </h2>
      <div className="text-sm" data-testid="current-parameters">
        {current.isDefault ? (
          <p>You use the FSRS default parameters.</p>
        ) : (
          <p>
            Your own parameters
            {current.fit && (
              <>
                , fitted on {new Date(current.fit.fittedAt).toLocaleString()} from {current.fit.reviews} reviews (log loss {fmt(current.fit.fitted.logLoss)}, RMSE over bins {fmt(current.fit.fitted.rmseBins)} on the
                latest {current.fit.testReviews}).
              </>
            )}
          </p>
        )}
        <details className="mt-2">
          <summary className="cursor-pointer">The 21 parameters</summary>
          <p className="mt-1 break-words font-mono text-xs">{current.weights.map((w) => w.toFixed(4)).join(", ")}</p>
        </details>
        <div className="mt-2 space-y-1 text-slate-600 dark:text-slate-400" data-testid="optimal-retention">
          <p>
            Desired retention: {current.desiredRetention.toFixed(2)}. Optimal retention for {current.isDefault ? "the default" : "your"} parameters: <strong data-testid="optimal-retention-value">{optimal.retention.toFixed(2)}</strong>.
          </p>
          <p>
            It is the desired retention that costs the least study time per card you know, in a simulated year of reviews with {optimal.fromYourReviews ? "your own review times" : "typical review times (the FSRS defaults)"}; retentions close to it cost
            about the same.
          </p>
          {optimal.retention.toFixed(2) !== current.desiredRetention.toFixed(2) && !active && (
            <button type="button" className="btn-ghost" disabled={pending} onClick={() => run(applyOptimalRetention, () => router.refresh())}>
              Use it
            </button>
          )}
        </div>
      </div>

      {message && (
        <p role={message.ok ? "status" : "alert"} className={message.ok ? "text-sm text-emerald-700 dark:text-emerald-300" : "text-sm text-red-600 dark:text-red-400"}>
          {message.text}
        </p>
      )}

      {active ? (
        <div>
          <label htmlFor="optimizer-progress" className="block text-sm font-medium">
            {active.kind === "optimize" ? "Optimising" : "Rescheduling your cards"} ({active.status}): {Math.round(active.progress * 100)}%
          </label>
          <progress id="optimizer-progress" data-testid="optimizer-progress" className="mt-1 w-full" max={1} value={active.progress} />
        </div>
      ) : (
        <div className="flex flex-wrap gap-3">
          <button type="button" className="btn-primary" disabled={pending} onClick={() => run(startOptimization)}>
            Optimise my parameters
          </button>
          {!current.isDefault && (
            <button type="button" className="btn-ghost" disabled={pending} onClick={() => run(resetMyParameters)}>
              Reset to defaults
            </button>
          )}
        </div>
      )}

      {last?.status === "failed" && !active && <p className="text-sm text-red-600 dark:text-red-400">The last optimisation did not finish: {last.error}</p>}

      {result && !active && (
        <div className="space-y-3" data-testid="optimizer-result">
          <p className="text-sm">
            Fitted on your earlier {result.trainReviews} reviews, both sets scored on your latest {result.testReviews} (lower is better):
          </p>
          <MetricsTable current={result.current} fitted={result.fitted} />
          {result.optimalRetention && <p className="text-sm">With the new parameters, the optimal retention would be {result.optimalRetention.retention.toFixed(2)}.</p>}
          <p className="text-sm font-medium">{better ? "The new parameters predict your recall better." : "The new parameters are not better on both figures; you may keep yours."}</p>
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" checked={reschedule} onChange={(e) => setReschedule(e.target.checked)} />
            Reschedule my cards with them now
          </label>
          <button type="button" className={better ? "btn-primary" : "btn-ghost"} disabled={pending} onClick={() => run(() => adoptFittedParameters({ jobId: last!.jobId, reschedule }))}>
            {better ? "Adopt the new parameters" : "Adopt them anyway"}
          </button>
        </div>
      )}
    </section>
  );
}
