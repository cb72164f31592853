"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { adoptParameters } from "@/server/optimizer/adopt";
import { userAction } from "./pipeline";

const schema = z.object({ jobId: z.string().min(1).max(64), reschedule: z.boolean() });

/** Adopts a finished optimisation's parameters, optionally rescheduling every card in the background. */
export async function adoptFittedParameters(raw: unknown) {
  return userAction({ name: "adopt-parameters", schema }, raw, async ({ input, user, db }) => {
    const message = await adoptParameters(db, user.id, input.jobId, input.reschedule);
    revalidatePath("/review");
    return message;
  });
}
