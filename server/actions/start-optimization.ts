"use server";

import { z } from "zod";
import { requestOptimization } from "@/server/optimizer/jobs";
import { userAction } from "./pipeline";

/** "Optimise my parameters": queues the job (or says why not); the worker runs it. */
export async function startOptimization() {
  return userAction({ name: "start-optimization", schema: z.unknown() }, null, async ({ user, db }) => {
    await requestOptimization(db, user.id);
    return "Optimisation queued.";
  });
}
