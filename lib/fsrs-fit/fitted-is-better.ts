// The adoption rule, for the optimizer panel (client) and the server. Type-only imports: no zod in the client.
import type { OptimizeResult } from "./job-result";

/** New parameters are better only if they beat the current ones on BOTH held-out figures. */
export const fittedIsBetter = (r: Pick<OptimizeResult, "current" | "fitted">) => r.fitted.logLoss < r.current.logLoss && r.fitted.rmseBins < r.current.rmseBins;
