// A user's study settings: validation (zod) and the translation to ts-fsrs parameters.
import { generatorParameters, type FSRSParameters, type StepUnit } from "ts-fsrs";
import { z } from "zod";
import { DEFAULT_LEECH_THRESHOLD, LEECH_ACTIONS, MAX_LEECH_THRESHOLD, MIN_LEECH_THRESHOLD } from "./leech";

const STEP = /^\d{1,6}(\.\d{1,3})?[mhd]$/;
const MINUTES_PER: Record<string, number> = { m: 1, h: 60, d: 1440 };
export const MAX_STEPS = 10;

/** "1m 10m" -> ["1m", "10m"]; throws on anything else. */
export function parseSteps(text: string): StepUnit[] {
  const steps = text.trim().split(/[\s,]+/).filter(Boolean);
  for (const s of steps) if (!STEP.test(s) || parseFloat(s) <= 0) throw new Error(`"${s}" is not a step like 1m, 10m, 1h or 1d`);
  return steps as StepUnit[];
}

/** A step's length in days ("10m" -> 0.00694...). */
export const stepDays = (step: string) => (parseFloat(step) * MINUTES_PER[step.slice(-1)]) / 1440;

/**
 * Numbers from a form are parsed strictly: digits (and one decimal point where allowed) only.
 * Empty, "0x10", "1e3", " 12abc" are errors, not 0, 16, 1000 or 12 as Number() would have it.
 */
const strictNumber = (message: string, decimals: boolean) =>
  z.union([z.number().finite(), z.string().trim().regex(decimals ? /^\d{1,6}(\.\d{1,6})?$/ : /^\d{1,6}$/, message).transform(Number)], { error: message }).pipe(z.number().finite());

const LEECH_RANGE = `The leech threshold must be a whole number of lapses from ${MIN_LEECH_THRESHOLD} to ${MAX_LEECH_THRESHOLD}`;

const steps = (label: string) =>
  z
    .string({ error: `${label}: use durations like "1m 10m"` })
    .trim()
    .max(200, `${label}: too long`)
    .refine((s) => {
      try {
        return parseSteps(s).length <= MAX_STEPS;
      } catch {
        return false;
      }
    }, `${label}: use up to ${MAX_STEPS} durations like "1m 10m" (m = minutes, h = hours, d = days)`);

export const settingsSchema = z
  .object({
    desiredRetention: strictNumber("Desired retention must be a number like 0.90", true).pipe(
      z.number().min(0.7, "Desired retention must be between 0.70 and 0.99").max(0.99, "Desired retention must be between 0.70 and 0.99"),
    ),
    maximumInterval: strictNumber("Maximum interval must be a whole number of days", false).pipe(
      z.number().int("Maximum interval must be a whole number of days").min(1, "Maximum interval must be at least 1 day").max(36500, "Maximum interval can be at most 36500 days (100 years)"),
    ),
    newCardsPerDay: strictNumber("New cards per day must be a whole number", false).pipe(
      z.number().int("New cards per day must be a whole number").min(0, "New cards per day cannot be negative").max(500, "New cards per day can be at most 500"),
    ),
    reviewsPerDay: strictNumber("Reviews per day must be a whole number", false).pipe(
      z.number().int("Reviews per day must be a whole number").min(1, "Reviews per day must be at least 1").max(9999, "Reviews per day can be at most 9999"),
    ),
    learningSteps: steps("Learning steps"),
    relearningSteps: steps("Relearning steps"),
    enableFuzz: z.boolean(),
    dayStartHour: strictNumber("The day starts at an hour from 0 to 23", false).pipe(
      z.number().int().min(0, "The day starts at an hour from 0 to 23").max(23, "The day starts at an hour from 0 to 23"),
    ),
    timeZone: z.string().max(64).refine(isTimeZone, "Unknown time zone (use an IANA name like Europe/Paris)"),
    disabledCategories: z.array(z.string().max(100)).max(100),
    dailyGoal: strictNumber("The daily goal must be a whole number", false).pipe(
      z.number().int("The daily goal must be a whole number").min(1, "The daily goal must be at least 1").max(9999, "The daily goal can be at most 9999"),
    ),
    leechThreshold: strictNumber(LEECH_RANGE, false).pipe(z.number().int(LEECH_RANGE).min(MIN_LEECH_THRESHOLD, LEECH_RANGE).max(MAX_LEECH_THRESHOLD, LEECH_RANGE)),
    leechAction: z.enum(LEECH_ACTIONS, { error: 'Leech action must be "flag" or "suspend"' }),
  })
  .superRefine((s, ctx) => {
    // a step longer than the maximum interval would schedule past it (and a huge one breaks dates)
    for (const field of ["learningSteps", "relearningSteps"] as const) {
      let parsed: string[];
      try {
        parsed = parseSteps(s[field]);
      } catch {
        continue; // already reported
      }
      const tooLong = parsed.find((step) => stepDays(step) > s.maximumInterval);
      if (tooLong) ctx.addIssue({ code: "custom", path: [field], message: `"${tooLong}" is longer than the maximum interval (${s.maximumInterval} days)` });
    }
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
  leechThreshold: DEFAULT_LEECH_THRESHOLD,
  leechAction: "flag",
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
