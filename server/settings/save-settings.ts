import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import { settingsSchema } from "@/lib/srs/settings";
import type { PrismaClient } from "@/prisma/client";
import { rescheduleInTx } from "@/server/review/reschedule";
import { loadStudySettings } from "@/server/review/study-settings";

/** What the settings form sends: the categories it lists as enabled, and the reschedule choice. */
export const settingsFormSchema = z
  .object({
    desiredRetention: z.unknown(),
    maximumInterval: z.unknown(),
    newCardsPerDay: z.unknown(),
    reviewsPerDay: z.unknown(),
    learningSteps: z.unknown(),
    relearningSteps: z.unknown(),
    enableFuzz: z.literal("on").optional(),
    dayStartHour: z.unknown(),
    timeZone: z.unknown(),
    dailyGoal: z.unknown(),
    leechThreshold: z.unknown(),
    leechAction: z.unknown(),
    categories: z.array(z.string().max(100)).max(100),
    reschedule: z.literal("on").optional(),
  })
  .strip();

export type SettingsForm = z.output<typeof settingsFormSchema>;

/**
 * Validates and saves the user's settings and, when asked, reschedules every card under them:
 * both in ONE transaction, so a failure leaves the old settings and the old schedule together.
 */
export async function saveSettings(db: PrismaClient, userId: string, form: SettingsForm): Promise<string> {
  const categories = (await db.category.findMany({ select: { slug: true } })).map((c) => c.slug);
  const enabled = new Set(form.categories);
  const parsed = settingsSchema.safeParse({ ...form, enableFuzz: form.enableFuzz === "on", disabledCategories: categories.filter((slug) => !enabled.has(slug)) });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    for (const i of parsed.error.issues) fieldErrors[String(i.path[0] ?? "form")] ??= i.message;
    throw new AppError("invalid_input", "Nothing was saved: fix the fields marked below.", fieldErrors);
  }
  if (parsed.data.disabledCategories.length === categories.length) {
    throw new AppError("invalid_input", "Nothing was saved: keep at least one category enabled.", { categories: "Enable at least one category." });
  }
  const data = parsed.data;
  return db.$transaction(
    async (tx) => {
      await tx.userSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
      if (form.reschedule !== "on") return "Settings saved. They apply from your next review.";
      const n = await rescheduleInTx(tx, userId, await loadStudySettings(tx, userId));
      return `Settings saved and ${n} card${n === 1 ? "" : "s"} rescheduled from their review history.`;
    },
    { timeout: 60_000 },
  );
}

const retentionSchema = settingsSchema.shape.desiredRetention;

/** Sets only the desired retention ("Use it" next to the optimal retention), validated as the form's field is. */
export async function saveDesiredRetention(db: PrismaClient, userId: string, raw: unknown): Promise<string> {
  const parsed = retentionSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid_input", parsed.error.issues[0].message, { desiredRetention: parsed.error.issues[0].message });
  await db.$transaction((tx) => tx.userSettings.upsert({ where: { userId }, create: { userId, desiredRetention: parsed.data }, update: { desiredRetention: parsed.data } }));
  return `Desired retention set to ${parsed.data.toFixed(2)}. It applies from each card's next review.`;
}

const goalSchema = settingsSchema.shape.dailyGoal;

/** Sets only the daily goal (from the progress page). */
export async function saveDailyGoal(db: PrismaClient, userId: string, raw: unknown): Promise<string> {
  const parsed = goalSchema.safeParse(raw);
  if (!parsed.success) throw new AppError("invalid_input", parsed.error.issues[0].message, { dailyGoal: parsed.error.issues[0].message });
  await db.$transaction((tx) => tx.userSettings.upsert({ where: { userId }, create: { userId, dailyGoal: parsed.data }, update: { dailyGoal: parsed.data } }));
  return `Daily goal set to ${parsed.data} cards.`;
}
