import "server-only";
import { AppError } from "@/lib/app-error";
import { checkHistory } from "@/lib/fsrs-fit/min-history";
import type { PrismaClient } from "@/prisma/client";
import { isUniqueViolation } from "@/server/review/errors";
import { loadStudySettings } from "@/server/review/study-settings";
import { loadTrainingItems } from "./training-data";

export type JobKind = "optimize" | "reschedule";

const BUSY = "A job is already queued or running for your account; wait for it to finish.";

/**
 * Queues a job for the user. At most one job per user is queued or running: the job row holds the
 * user id in `activeKey` (unique) until it ends, so a second click, from any tab or any app
 * instance, hits the unique index and is refused instead of queued twice.
 */
export async function enqueueJob(db: PrismaClient, userId: string, kind: JobKind, reviews = 0): Promise<string> {
  try {
    const job = await db.$transaction((tx) => tx.optimizerJob.create({ data: { userId, kind, activeKey: userId, reviews }, select: { id: true } }));
    return job.id;
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("job_busy", BUSY);
    throw err;
  }
}

/** "Optimise my parameters": refuses at once below the minimum history, else queues the job. */
export async function requestOptimization(db: PrismaClient, userId: string): Promise<string> {
  const items = await loadTrainingItems(db, userId, await loadStudySettings(db, userId));
  const verdict = checkHistory(items.length);
  if (!verdict.ok) throw new AppError("not_enough_history", verdict.message);
  return enqueueJob(db, userId, "optimize", items.length);
}

/**
 * Claims the oldest queued job for `worker`. The UPDATE only matches while the row is still
 * queued, so when two instances race for one job exactly one of them gets count 1.
 */
export async function claimNextJob(db: PrismaClient, worker: string, now: Date) {
  const next = await db.optimizerJob.findFirst({ where: { status: "queued" }, orderBy: { createdAt: "asc" }, select: { id: true } });
  if (!next) return null;
  const { count } = await db.$transaction((tx) => tx.optimizerJob.updateMany({ where: { id: next.id, status: "queued" }, data: { status: "running", claimedBy: worker, startedAt: now } }));
  return count === 1 ? db.optimizerJob.findUnique({ where: { id: next.id } }) : null;
}

/**
 * A running job whose row has not moved for `staleMs` belonged to an instance that died: queue it
 * again (a reschedule resumes after its cursor; an optimisation starts over).
 */
export async function requeueStaleJobs(db: PrismaClient, now: Date, staleMs = 10 * 60_000): Promise<number> {
  const { count } = await db.$transaction((tx) => tx.optimizerJob.updateMany({ where: { status: "running", updatedAt: { lt: new Date(now.getTime() - staleMs) } }, data: { status: "queued", claimedBy: null } }));
  return count;
}

export async function finishJob(db: PrismaClient, id: string, now: Date, outcome: { result?: object; error?: string }) {
  await db.$transaction((tx) =>
    tx.optimizerJob.update({
      where: { id },
      data: { status: outcome.error ? "failed" : "done", activeKey: null, finishedAt: now, progress: outcome.error ? undefined : 1, error: outcome.error ?? null, ...(outcome.result ? { result: outcome.result } : {}) },
    }),
  );
}

export async function setProgress(db: PrismaClient, id: string, progress: number, extra: { processed?: number; cursor?: string } = {}) {
  await db.$transaction((tx) => tx.optimizerJob.update({ where: { id }, data: { progress: Math.max(0, Math.min(1, progress)), ...extra } }));
}
