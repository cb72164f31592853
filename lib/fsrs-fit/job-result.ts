// What a finished optimisation stores in OptimizerJob.result, and its schema for reading it back.
import { z } from "zod";
import { optimalRetentionSchema } from "./backup-format";

const metrics = z.object({ logLoss: z.number(), rmseBins: z.number() });

export const optimizeResultSchema = z.object({
  weights: z.array(z.number()).length(21),
  /** the parameters in use when the job ran (null = ts-fsrs defaults) */
  currentWeights: z.array(z.number()).nullable(),
  current: metrics,
  fitted: metrics,
  reviews: z.number().int(),
  trainReviews: z.number().int(),
  testReviews: z.number().int(),
  fittedAt: z.string(),
  /** for the fitted parameters; absent in results stored before it was computed */
  optimalRetention: optimalRetentionSchema.optional(),
});

export type OptimizeResult = z.infer<typeof optimizeResultSchema>;

export { fittedIsBetter } from "./fitted-is-better";
