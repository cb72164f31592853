import "server-only";
import { AppError } from "@/lib/app-error";
import { cardToRow } from "@/lib/srs/mapper";
import { replay } from "@/lib/srs/scheduler";
import type { PrismaClient } from "@/prisma/client";
import { loadStudySettings } from "@/server/review/study-settings";
import { fitAndEvaluate } from "./fit";
import { finishJob, setProgress } from "./jobs";
import { optimalRetentionForUser } from "./optimal-retention";
import { loadTrainingItems } from "./training-data";

type Job = { id: string; userId: string; kind: string; cursor: string | null; processed: number };

/** Cards rescheduled per transaction: short transactions keep the one SQLite connection free for reviews. */
export const RESCHEDULE_CHUNK = 50;

/** Runs a claimed job to its end, recording progress; a failure is stored on the job, not thrown. */
export async function runJob(db: PrismaClient, job: Job, clock: () => Date = () => new Date()): Promise<void> {
  try {
    if (job.kind === "optimize") await runOptimize(db, job, clock);
    else if (job.kind === "reschedule") await runReschedule(db, job);
    else throw new Error(`unknown job kind ${job.kind}`);
    await finishJob(db, job.id, clock(), {});
  } catch (err) {
    const message = err instanceof AppError ? err.message : "The job failed on our side. Try again later.";
    if (!(err instanceof AppError)) console.error(`[optimizer] job ${job.id} failed:`, err);
    await finishJob(db, job.id, clock(), { error: message });
  }
}

async function runOptimize(db: PrismaClient, job: Job, clock: () => Date) {
  const settings = await loadStudySettings(db, job.userId);
  const items = await loadTrainingItems(db, job.userId, settings);
  // progress writes are chained and throttled: the optimizer reports far more often than we store
  let last = 0;
  let writes = Promise.resolve();
  const result = await fitAndEvaluate(items, settings.fsrsWeights ?? null, clock(), (fraction) => {
    const t = Date.now();
    if (t - last < 250 && fraction < 1) return;
    last = t;
    writes = writes.then(() => setProgress(db, job.id, fraction)).catch(() => {});
  });
  await writes;
  result.optimalRetention = await optimalRetentionForUser(db, job.userId, result.weights, settings.maximumInterval);
  await db.$transaction((tx) => tx.optimizerJob.update({ where: { id: job.id }, data: { result, reviews: result.reviews } }));
}

/**
 * Replays every started card of the user under the current settings, RESCHEDULE_CHUNK cards per
 * transaction, in card-id order. Each chunk commits its cards together with the job's cursor
 * (the last card id done), so a run cut short resumes after the cursor; replaying a card again is
 * harmless anyway, since the replay is a pure function of the card's review log and the settings.
 */
async function runReschedule(db: PrismaClient, job: Job) {
  const settings = await loadStudySettings(db, job.userId);
  const total = await db.cardState.count({ where: { userId: job.userId, state: { not: 0 } } });
  let cursor = job.cursor;
  let processed = job.processed;
  for (;;) {
    const cards = await db.cardState.findMany({
      where: { userId: job.userId, state: { not: 0 }, ...(cursor ? { cardId: { gt: cursor } } : {}) },
      orderBy: { cardId: "asc" },
      take: RESCHEDULE_CHUNK,
      select: { cardId: true },
    });
    if (cards.length === 0) break;
    const ids = cards.map((c) => c.cardId);
    await db.$transaction(async (tx) => {
      const logs = await tx.reviewLog.findMany({ where: { userId: job.userId, cardId: { in: ids } }, orderBy: [{ review: "asc" }, { createdAt: "asc" }], select: { cardId: true, rating: true, review: true } });
      for (const cardId of ids) {
        const card = replay(logs.filter((l) => l.cardId === cardId), settings, cardId);
        if (card) await tx.cardState.updateMany({ where: { userId: job.userId, cardId }, data: { ...cardToRow(card), version: { increment: 1 } } });
      }
      processed += ids.length;
      cursor = ids[ids.length - 1];
      await tx.optimizerJob.update({ where: { id: job.id }, data: { cursor, processed, reviews: total, progress: total ? Math.min(1, processed / total) : 1 } });
    });
  }
}
