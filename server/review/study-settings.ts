import "server-only";
import { asStringArray } from "@/lib/content/json-fields";
import { DEFAULT_SETTINGS, type StudySettings } from "@/lib/srs/settings";
import type { PrismaClient } from "@/prisma/client";

type Db = Pick<PrismaClient, "userSettings">;

/** The user's settings, or the defaults when none were saved yet. */
export async function loadStudySettings(db: Db, userId: string): Promise<StudySettings> {
  const row = await db.userSettings.findUnique({ where: { userId } });
  if (!row) return DEFAULT_SETTINGS;
  const weights = Array.isArray(row.fsrsWeights) ? (row.fsrsWeights as unknown[]).filter((n): n is number => typeof n === "number") : null;
  return {
    desiredRetention: row.desiredRetention,
    maximumInterval: row.maximumInterval,
    newCardsPerDay: row.newCardsPerDay,
    reviewsPerDay: row.reviewsPerDay,
    learningSteps: row.learningSteps,
    relearningSteps: row.relearningSteps,
    enableFuzz: row.enableFuzz,
    dayStartHour: row.dayStartHour,
    timeZone: row.timeZone,
    disabledCategories: asStringArray(row.disabledCategories),
    dailyGoal: row.dailyGoal,
    leechThreshold: row.leechThreshold,
    leechAction: row.leechAction === "suspend" ? "suspend" : "flag",
    fsrsWeights: weights?.length ? weights : null,
  };
}
