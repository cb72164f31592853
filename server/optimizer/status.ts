import "server-only";
import { default_w } from "ts-fsrs";
import { fitInfoSchema, type FitInfo } from "@/lib/fsrs-fit/backup-format";
import { optimizeResultSchema, type OptimizeResult } from "@/lib/fsrs-fit/job-result";
import type { PrismaClient } from "@/prisma/client";
import { loadStudySettings } from "@/server/review/study-settings";

export interface JobView {
  id: string;
  kind: string;
  status: string;
  progress: number;
  processed: number;
  total: number;
}

export interface OptimizerStatus {
  /** the job queued or running now, if any */
  active: JobView | null;
  /** the latest optimisation: its figures, or why it failed */
  last: { jobId: string; status: string; error: string | null; result: OptimizeResult | null; adopted: boolean } | null;
  current: { weights: number[]; isDefault: boolean; fit: FitInfo | null; desiredRetention: number };
}

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
  return {
    active: active && { id: active.id, kind: active.kind, status: active.status, progress: active.progress, processed: active.processed, total: active.reviews },
    last: last && {
      jobId: last.id,
      status: last.status,
      error: last.error,
      result: result.success ? result.data : null,
      adopted: result.success && fit.success && fit.data.fittedAt === result.data.fittedAt,
    },
    current: { weights: settings.fsrsWeights ?? [...default_w], isDefault: !settings.fsrsWeights, fit: fit.success ? fit.data : null, desiredRetention: settings.desiredRetention },
  };
}
