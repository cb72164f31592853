import "server-only";
import { asStringArray, jsonColumn } from "@/lib/content/json-fields";
import { DEFAULT_SETTINGS, type StudySettings } from "@/lib/srs/settings";
import type { PrismaClient } from "@/prisma/client";

type Db = Pick<PrismaClient, "userSettings">;

/** The UserSettings columns the scheduler reads, as Prisma or a raw driver returns them. */
export const SETTINGS_COLUMNS = [
  "desiredRetention",
  "maximumInterval",
  "newCardsPerDay",
  "reviewsPerDay",
  "learningSteps",
  "relearningSteps",
  "enableFuzz",
  "dayStartHour",
  "timeZone",
  "disabledCategories",
  "dailyGoal",
  "leechThreshold",
  "leechAction",
  "fsrsWeights",
] as const;

export type SettingsRow = Record<(typeof SETTINGS_COLUMNS)[number], unknown>;

/** A saved settings row as StudySettings; the defaults when none was saved yet. */
export function settingsFromRow(row: SettingsRow | null | undefined): StudySettings {
  if (!row) return DEFAULT_SETTINGS;
  const raw = jsonColumn(row.fsrsWeights);
  const weights = Array.isArray(raw) ? (raw as unknown[]).filter((n): n is number => typeof n === "number") : null;
  return {
    desiredRetention: Number(row.desiredRetention),
    maximumInterval: Number(row.maximumInterval),
    newCardsPerDay: Number(row.newCardsPerDay),
    reviewsPerDay: Number(row.reviewsPerDay),
    learningSteps: String(row.learningSteps),
    relearningSteps: String(row.relearningSteps),
    enableFuzz: row.enableFuzz === true || Number(row.enableFuzz) === 1,
    dayStartHour: Number(row.dayStartHour),
    timeZone: String(row.timeZone),
    disabledCategories: asStringArray(jsonColumn(row.disabledCategories)),
    dailyGoal: Number(row.dailyGoal),
    leechThreshold: Number(row.leechThreshold),
    leechAction: row.leechAction === "suspend" ? "suspend" : "flag",
    fsrsWeights: weights?.length ? weights : null,
  };
}

/** The user's settings, or the defaults when none were saved yet. */
export async function loadStudySettings(db: Db, userId: string): Promise<StudySettings> {
  return settingsFromRow(await db.userSettings.findUnique({ where: { userId } }));
}
