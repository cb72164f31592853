import "server-only";
import { Prisma } from "@/generated/prisma/client";
import { AppError } from "@/lib/app-error";
import type { FitInfo } from "@/lib/fsrs-fit/backup-format";
import { optimizeResultSchema } from "@/lib/fsrs-fit/job-result";
import type { PrismaClient } from "@/prisma/client";
import { isUniqueViolation } from "@/server/review/errors";

/**
 * Makes a finished optimisation's parameters the user's own, with its figures (when, on how
 * many reviews, both metrics). With `reschedule`, a reschedule job is queued in the same
 * transaction, so the parameters and the job stand or fall together.
 */
export async function adoptParameters(db: PrismaClient, userId: string, jobId: string, reschedule: boolean): Promise<string> {
  try {
    return await db.$transaction(async (tx) => {
      const job = await tx.optimizerJob.findFirst({ where: { id: jobId, userId, kind: "optimize", status: "done" }, select: { result: true } });
      const parsed = optimizeResultSchema.safeParse(job?.result);
      if (!parsed.success) throw new AppError("not_found", "That optimisation result was not found.");
      const r = parsed.data;
      const fit: FitInfo = { fittedAt: r.fittedAt, reviews: r.reviews, trainReviews: r.trainReviews, testReviews: r.testReviews, current: r.current, fitted: r.fitted, ...(r.optimalRetention ? { optimalRetention: r.optimalRetention } : {}) };
      await tx.userSettings.upsert({ where: { userId }, create: { userId, fsrsWeights: r.weights, fsrsFit: fit }, update: { fsrsWeights: r.weights, fsrsFit: fit } });
      if (!reschedule) return "New parameters adopted. They apply from each card's next review.";
      await tx.optimizerJob.create({ data: { userId, kind: "reschedule", activeKey: userId } });
      return "New parameters adopted. Your cards are being rescheduled.";
    });
  } catch (err) {
    if (isUniqueViolation(err)) throw new AppError("job_busy", "A job is already queued or running for your account; adopt once it has finished.");
    throw err;
  }
}

/** Back to the ts-fsrs default parameters. */
export async function resetParameters(db: PrismaClient, userId: string): Promise<string> {
  await db.$transaction((tx) => tx.userSettings.upsert({ where: { userId }, create: { userId }, update: { fsrsWeights: Prisma.DbNull, fsrsFit: Prisma.DbNull } }));
  return "Parameters reset to the FSRS defaults. They apply from each card's next review.";
}
