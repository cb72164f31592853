// A user's study settings: validation (zod) and the translation to ts-fsrs parameters.
import { generatorParameters, type FSRSParameters, type StepUnit } from "ts-fsrs";
import { z } from "zod";

const STEP = /^\d+(\.\d+)?[mhd]$/;

/** "1m 10m" -> ["1m", "10m"]; throws on anything else. */
export function parseSteps(text: string): StepUnit[] {
  const steps = text.trim().split(/[\s,]+/).filter(Boolean);
  for (const s of steps) if (!STEP.test(s) || parseFloat(s) <= 0) throw new Error(`"${s}" is not a step like 1m, 10m, 1h or 1d`);
  return steps as StepUnit[];
}

const steps = (label: string, max: number) =>
  z
    .string()
    .trim()
    .refine((s) => {
      try {
        const parsed = parseSteps(s);
        return parsed.length <= max;
      } catch {
        return false;
      }
    }, `${label}: use up to ${max} durations like "1m 10m" (m = minutes, h = hours, d = days)`);

export const settingsSchema = z.object({
  desiredRetention: z.coerce.number().min(0.7, "Desired retention must be between 0.70 and 0.99").max(0.99, "Desired retention must be between 0.70 and 0.99"),
  maximumInterval: z.coerce.number().int("Maximum interval must be a whole number of days").min(1, "Maximum interval must be at least 1 day").max(36500, "Maximum interval can be at most 36500 days (100 years)"),
  newCardsPerDay: z.coerce.number().int("New cards per day must be a whole number").min(0, "New cards per day cannot be negative").max(500, "New cards per day can be at most 500"),
  reviewsPerDay: z.coerce.number().int("Reviews per day must be a whole number").min(1, "Reviews per day must be at least 1").max(9999, "Reviews per day can be at most 9999"),
  learningSteps: steps("Learning steps", 10),
  relearningSteps: steps("Relearning steps", 10),
  enableFuzz: z.boolean(),
  dayStartHour: z.coerce.number().int().min(0, "The day starts at an hour from 0 to 23").max(23, "The day starts at an hour from 0 to 23"),
  timeZone: z.string().refine(isTimeZone, "Unknown time zone (use an IANA name like Europe/Paris)"),
  disabledCategories: z.array(z.string()).max(100),
  dailyGoal: z.coerce.number().int().min(1, "The daily goal must be at least 1").max(9999),
});

export type StudySettings = z.output<typeof settingsSchema> & { fsrsWeights?: number[] | null };

export function isTimeZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat("en-US", { timeZone: tz });
    return tz.length > 0;
  } catch {
    return false;
  }
}

export const DEFAULT_SETTINGS: StudySettings = {
  desiredRetention: 0.9,
  maximumInterval: 36500,
  newCardsPerDay: 20,
  reviewsPerDay: 200,
  learningSteps: "1m 10m",
  relearningSteps: "10m",
  enableFuzz: true,
  dayStartHour: 4,
  timeZone: "UTC",
  disabledCategories: [],
  dailyGoal: 30,
  fsrsWeights: null,
};

export function fsrsParameters(s: StudySettings): FSRSParameters {
  return generatorParameters({
    request_retention: s.desiredRetention,
    maximum_interval: s.maximumInterval,
    enable_fuzz: s.enableFuzz,
    enable_short_term: true,
    learning_steps: parseSteps(s.learningSteps),
    relearning_steps: parseSteps(s.relearningSteps),
    ...(s.fsrsWeights?.length ? { w: s.fsrsWeights } : {}),
  });
}
