import "server-only";
import { hostname } from "node:os";
import type { PrismaClient } from "@/prisma/client";
import { claimNextJob, requeueStaleJobs } from "./jobs";
import { runJob } from "./run-job";

/** Claims and runs at most one job; true if it ran one. */
export async function workOnce(db: PrismaClient, worker: string, clock: () => Date = () => new Date()): Promise<boolean> {
  await requeueStaleJobs(db, clock());
  const job = await claimNextJob(db, worker, clock());
  if (!job) return false;
  await runJob(db, job, clock);
  return true;
}

const globalForWorker = globalThis as unknown as { trickdeckOptimizerWorker?: boolean };

/**
 * The in-process worker each app instance starts (instrumentation.ts): it polls the job table
 * once a second, off the request path. The optimizer itself runs on libuv's thread pool (napi
 * async work), so requests keep being served while it fits.
 */
export function startOptimizerWorker(db: PrismaClient, intervalMs = 1000): void {
  if (globalForWorker.trickdeckOptimizerWorker) return;
  globalForWorker.trickdeckOptimizerWorker = true;
  const worker = `${hostname()}:${process.pid}`;
  let busy = false;
  const timer = setInterval(() => {
    if (busy) return;
    busy = true;
    workOnce(db, worker)
      .catch((err) => console.error("[optimizer] worker error:", err))
      .finally(() => {
        busy = false;
      });
  }, intervalMs);
  timer.unref();
}
