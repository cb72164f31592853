"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { resetParameters } from "@/server/optimizer/adopt";
import { userAction } from "./pipeline";

/** "Reset to defaults": the ts-fsrs default parameters again. */
export async function resetMyParameters() {
  return userAction({ name: "reset-parameters", schema: z.unknown() }, null, async ({ user, db }) => {
    const message = await resetParameters(db, user.id);
    revalidatePath("/review");
    return message;
  });
}
