"use server";

import { z } from "zod";
import { optimizerStatus } from "@/server/optimizer/status";
import { userAction } from "./pipeline";

/** Polled every second by the settings page while a job is queued or running. */
export async function readOptimizerStatus() {
  return userAction({ name: "read-optimizer-status", schema: z.unknown() }, null, ({ user, db }) => optimizerStatus(db, user.id));
}
