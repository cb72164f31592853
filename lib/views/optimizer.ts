// What the optimizer panel shows and polls (server/optimizer/status.ts).
import type { FitInfo, OptimalRetentionInfo } from "@/lib/fsrs-fit/backup-format";
import type { OptimizeResult } from "@/lib/fsrs-fit/job-result";

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
  current: { weights: number[]; isDefault: boolean; fit: FitInfo | null; desiredRetention: number; optimalRetention: OptimalRetentionInfo };
}
