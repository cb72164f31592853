// The full JSON backup of one user's data (format "trickdeck-backup", version 1): settings with
// the fitted parameters, card states, review logs, and quiz attempts with their items. The
// account itself (email, password hash, sessions) is not in it: a backup restores study data.
// Parsing is strict: an unknown or malformed record is refused with its place in the file.
import { z } from "zod";
import { settingsSchema } from "../srs/settings";

export const BACKUP_FORMAT = "trickdeck-backup";
export const BACKUP_VERSION = 1;
import { MAX_BACKUP_BYTES } from "./backup-limit";

export { MAX_BACKUP_BYTES };

const id = z.string().min(1).max(200);
const date = z.iso.datetime({ offset: true }).transform((s) => new Date(s));
const int = z.number().int();
const finite = z.number().finite();

/** The optimal retention for a set of parameters (optimal-retention.ts), and the costs it used. */
export const optimalRetentionSchema = z.object({
  retention: finite.min(0).max(1),
  costs: z.object({ learn: finite, pass: finite, fail: finite }),
  fromYourReviews: z.boolean(),
});
export type OptimalRetentionInfo = z.infer<typeof optimalRetentionSchema>;

export const fitInfoSchema = z.object({
  fittedAt: z.iso.datetime({ offset: true }),
  reviews: int.min(0),
  trainReviews: int.min(0),
  testReviews: int.min(0),
  current: z.object({ logLoss: finite, rmseBins: finite }),
  fitted: z.object({ logLoss: finite, rmseBins: finite }),
  optimalRetention: optimalRetentionSchema.optional(),
});
export type FitInfo = z.infer<typeof fitInfoSchema>;

/** FSRS-6 has 21 parameters; older fits (FSRS-4.5/5) had 17 or 19 and ts-fsrs migrates them. */
export const weightsSchema = z.array(finite).refine((w) => [17, 19, 21].includes(w.length), "FSRS parameters are a list of 17, 19 or 21 numbers");

const settingsRecord = z.strictObject({
  ...settingsSchema.shape,
  fsrsWeights: weightsSchema.nullable(),
  fsrsFit: fitInfoSchema.nullable(),
});

const cardStateRecord = z.strictObject({
  cardId: id,
  due: date,
  stability: finite.min(0),
  difficulty: finite.min(0),
  elapsedDays: int.min(0),
  scheduledDays: int.min(0),
  learningSteps: int.min(0),
  reps: int.min(0),
  lapses: int.min(0),
  state: int.min(0).max(3),
  lastReview: date.nullable(),
  suspended: z.boolean(),
  buriedUntil: date.nullable(),
});

const reviewLogRecord = z.strictObject({
  id,
  cardId: id,
  // 1-4 a grade; 0 a reset ("forget", source "reset")
  rating: int.min(0).max(4),
  state: int.min(0).max(3),
  due: date,
  stability: finite.min(0),
  difficulty: finite.min(0),
  elapsedDays: int.min(0),
  lastElapsedDays: int.min(0),
  scheduledDays: int.min(0),
  learningSteps: int.min(0),
  review: date,
  previousDue: date,
  durationMs: int.min(0).max(3_600_000).nullable(),
  source: z.enum(["review", "cram", "quiz", "reset"]),
}).refine((l) => (l.rating === 0) === (l.source === "reset"), { message: "rating 0 goes with source \"reset\", and only with it", path: ["rating"] });

const quizItemRecord = z.strictObject({
  position: int.min(0),
  kind: z.enum(["name", "statement", "typed", "flashcard", "diagnose"]),
  cardId: id,
  prompt: z.string().max(10_000),
  choices: z.array(z.string().max(2_000)).max(10),
  correct: z.string().max(2_000),
  given: z.string().max(2_000).nullable(),
  isCorrect: z.boolean().nullable(),
  rating: int.min(1).max(4).nullable(),
  answeredAt: date.nullable(),
  durationMs: int.min(0).max(3_600_000).nullable(),
});

const quizAttemptRecord = z.strictObject({
  id,
  mode: z.enum(["flashcards", "multiple-choice", "typed", "diagnose"]),
  style: z.enum(["name", "statement", "mixed", "due-first", "cram", "typed", "diagnose"]),
  categories: z.array(z.string().max(100)).max(100),
  cardKinds: z.array(z.string().max(40)).max(20),
  countsTowardSchedule: z.boolean(),
  seed: int,
  startedAt: date,
  finishedAt: date.nullable(),
  items: z.array(quizItemRecord).max(2_000),
});

export const backupSchema = z.strictObject({
  format: z.literal(BACKUP_FORMAT, { error: `not a Trickdeck backup (format must be "${BACKUP_FORMAT}")` }),
  version: z.literal(BACKUP_VERSION, { error: `unsupported backup version (this app reads version ${BACKUP_VERSION})` }),
  exportedAt: z.iso.datetime({ offset: true }),
  settings: settingsRecord.nullable(),
  cardStates: z.array(cardStateRecord),
  reviewLogs: z.array(reviewLogRecord),
  quizAttempts: z.array(quizAttemptRecord),
});

export type Backup = z.output<typeof backupSchema>;
/** What the export writes: dates as ISO strings (JSON has no dates). */
export type BackupJson = z.input<typeof backupSchema>;

/**
 * Parses backup text. On failure, the message names the first wrong record and field
 * ("reviewLogs[12] (id r-17), rating: ...") so the user can find it in the file.
 */
export function parseBackup(text: string, bytes: number): { ok: true; backup: Backup } | { ok: false; message: string } {
  if (bytes > MAX_BACKUP_BYTES) {
    return { ok: false, message: `The file is ${(bytes / 1048576).toFixed(1)} MB; backups of up to ${MAX_BACKUP_BYTES / 1048576} MB can be imported. Nothing was changed.` };
  }
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ok: false, message: "The file is not valid JSON. Nothing was changed." };
  }
  const parsed = backupSchema.safeParse(raw);
  if (parsed.success) return { ok: true, backup: parsed.data };
  const issue = parsed.error.issues[0];
  return { ok: false, message: `${describePath(raw, issue.path)}: ${issue.message}. Nothing was changed.` };
}

function describePath(raw: unknown, path: readonly PropertyKey[]): string {
  if (path.length === 0) return "The backup";
  const [list, index, ...rest] = path;
  if (typeof index !== "number") return `Field "${path.map(String).join(".")}"`;
  const record = (raw as Record<string, unknown[]>)[String(list)]?.[index] as Record<string, unknown> | undefined;
  const label = record && typeof record.id === "string" ? ` (id ${record.id})` : record && typeof record.cardId === "string" ? ` (card ${record.cardId})` : "";
  const field = rest.length ? `, field "${rest.map(String).join(".")}"` : "";
  return `Record ${String(list)}[${index}]${label}${field}`;
}
