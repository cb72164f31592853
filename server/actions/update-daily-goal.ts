"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentUser } from "@/server/auth";
import { db } from "@/server/db";
import type { FormState } from "./form-state";

const goal = z.coerce.number({ error: "Enter a number" }).int("Enter a whole number").min(1, "The daily goal must be at least 1").max(9999, "The daily goal can be at most 9999");

export async function updateDailyGoal(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await currentUser();
  if (!user) return { error: "Your session has ended. Sign in again." };
  const parsed = goal.safeParse(form.get("dailyGoal"));
  if (!parsed.success) return { error: parsed.error.issues[0].message };
  await db.$transaction((tx) =>
    tx.userSettings.upsert({ where: { userId: user.id }, create: { userId: user.id, dailyGoal: parsed.data }, update: { dailyGoal: parsed.data } }),
  );
  revalidatePath("/progress");
  return { ok: true, message: `Daily goal set to ${parsed.data} cards.` };
}
