"use server";

import { revalidatePath } from "next/cache";
import { settingsSchema } from "@/lib/srs/settings";
import { currentUser } from "@/server/auth";
import { db } from "@/server/db";
import { rescheduleAll } from "@/server/review/reschedule";
import { loadStudySettings } from "@/server/review/study-settings";
import { fieldErrorsOf, type FormState } from "./form-state";

export async function updateSettings(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await currentUser();
  if (!user) return { error: "Your session has ended. Sign in again." };

  const categories = await db.category.findMany({ select: { slug: true } });
  const enabled = new Set(form.getAll("categories").map(String));
  const parsed = settingsSchema.safeParse({
    desiredRetention: form.get("desiredRetention"),
    maximumInterval: form.get("maximumInterval"),
    newCardsPerDay: form.get("newCardsPerDay"),
    reviewsPerDay: form.get("reviewsPerDay"),
    learningSteps: form.get("learningSteps"),
    relearningSteps: form.get("relearningSteps"),
    enableFuzz: form.get("enableFuzz") === "on",
    dayStartHour: form.get("dayStartHour"),
    timeZone: form.get("timeZone"),
    disabledCategories: categories.map((c) => c.slug).filter((slug) => !enabled.has(slug)),
    dailyGoal: form.get("dailyGoal"),
  });
  if (!parsed.success) return { error: "Nothing was saved: fix the fields marked below.", fieldErrors: fieldErrorsOf(parsed.error.issues) };
  if (parsed.data.disabledCategories.length === categories.length) {
    return { error: "Nothing was saved: keep at least one category enabled.", fieldErrors: { categories: "Enable at least one category." } };
  }
  await db.$transaction((tx) => tx.userSettings.upsert({ where: { userId: user.id }, create: { userId: user.id, ...parsed.data }, update: parsed.data }));
  let message = "Settings saved. They apply from your next review.";
  if (form.get("reschedule") === "on") {
    const n = await rescheduleAll(db, user.id, await loadStudySettings(db, user.id));
    message = `Settings saved and ${n} card${n === 1 ? "" : "s"} rescheduled from their review history.`;
  }
  revalidatePath("/review");
  return { ok: true, message };
}
