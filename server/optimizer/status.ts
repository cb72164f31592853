import "server-only";
import { default_w } from "ts-fsrs";
import { fitInfoSchema } from "@/lib/fsrs-fit/backup-format";
import { optimizeResultSchema } from "@/lib/fsrs-fit/job-result";
import type { PrismaClient } from "@/prisma/client";
import type { JobView, OptimizerStatus } from "@/lib/views/optimizer";
import { loadStudySettings } from "@/server/review/study-settings";
import { optimalRetentionWithDefaultCosts } from "./optimal-retention";

export type { JobView, OptimizerStatus };

/** What the settings page shows and polls: plain data, the user's own rows only. */
export async function optimizerStatus(db: PrismaClient, userId: string): Promise<OptimizerStatus> {
  const [active, last, settings, fitRow] = await Promise.all([
    db.optimizerJob.findFirst({ where: { userId, status: { in: ["queued", "running"] } }, orderBy: { createdAt: "desc" } }),
    db.optimizerJob.findFirst({ where: { userId, kind: "optimize", status: { in: ["done", "failed"] } }, orderBy: { createdAt: "desc" } }),
    loadStudySettings(db, userId),
    db.userSettings.findUnique({ where: { userId }, select: { fsrsFit: true } }),
  ]);
  const fit = fitInfoSchema.safeParse(fitRow?.fsrsFit);
  const result = optimizeResultSchema.safeParse(last?.result);
  const weights = settings.fsrsWeights ?? [...default_w];
  return {
    active: active && { id: active.id, kind: active.kind, status: active.status, progress: active.progress, processed: active.processed, total: active.reviews },
    last: last && {
      jobId: last.id,
      status: last.status,
      error: last.error,
      result: result.success ? result.data : null,
      adopted: result.success && fit.success && fit.data.fittedAt === result.data.fittedAt,
    },
    current: {
      weights,
      isDefault: !settings.fsrsWeights,
      fit: fit.success ? fit.data : null,
      desiredRetention: settings.desiredRetention,
      // stored with an adopted fit; else (defaults, older fits) computed here once per process
      optimalRetention: (fit.success && fit.data.optimalRetention) || optimalRetentionWithDefaultCosts(weights, settings.maximumInterval),
    },
  };
}
