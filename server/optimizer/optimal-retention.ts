import "server-only";
import type { OptimalRetentionInfo } from "@/lib/fsrs-fit/backup-format";
import { DEFAULT_COSTS, optimalRetention, reviewCosts } from "@/lib/fsrs-fit/optimal-retention";
import type { PrismaClient } from "@/prisma/client";

/**
 * The optimal retention for freshly fitted parameters, with the user's own review times where
 * there are enough of them (computed in the optimizer job, stored with the result and, once
 * adopted, with the fit info).
 */
export async function optimalRetentionForUser(db: Pick<PrismaClient, "reviewLog">, userId: string, weights: readonly number[], maximumInterval: number): Promise<OptimalRetentionInfo> {
  const timed = await db.reviewLog.findMany({ where: { userId, durationMs: { not: null }, state: { in: [0, 2] } }, select: { state: true, rating: true, durationMs: true } });
  const { costs, fromYourReviews } = reviewCosts(timed);
  return { retention: optimalRetention(weights, costs, { maximumInterval }).retention, costs, fromYourReviews };
}

const cache = new Map<string, OptimalRetentionInfo>();
const CACHE_SIZE = 64;

/**
 * For parameters without a stored figure (the defaults, or a fit adopted before it was computed):
 * fsrs-rs's default costs, computed once per process and parameter set (a few hundred
 * milliseconds the first time), so the status the settings page polls stays cheap.
 */
export function optimalRetentionWithDefaultCosts(weights: readonly number[], maximumInterval: number): OptimalRetentionInfo {
  const key = `${maximumInterval}:${weights.join(",")}`;
  let info = cache.get(key);
  if (!info) {
    info = { retention: optimalRetention(weights, DEFAULT_COSTS, { maximumInterval }).retention, costs: DEFAULT_COSTS, fromYourReviews: false };
    if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
    cache.set(key, info);
  }
  return info;
}
