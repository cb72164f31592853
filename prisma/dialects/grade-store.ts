// The grade hot path below Prisma: one engine-neutral contract, one module per engine
// (grade-store-sqlite.ts, grade-store-postgres.ts), chosen by the client's dialect. The store
// knows SQL, not scheduling: server/review/grade.ts decides what to write (ts-fsrs in lib/srs),
// the store reads, hands the rows to that decision and writes the outcome in one transaction,
// guarded by the state's version so a stale or repeated submission changes nothing.
import type { CardStateFields, ReviewLogFields } from "../../lib/srs/mapper";

/** The card as the grade needs it (live cards only), with what a leech notice shows of its trick. */
export interface GradeCard {
  kind: string;
  trickSlug: string;
  trickName: string;
  trickWhy: string | null;
  trickWhen: string | null;
}

/** The user's stored state of the card. */
export interface GradeState extends CardStateFields {
  id: string;
  suspended: boolean;
  version: number;
}

export interface GradeRead {
  /** null when the card does not exist or is archived */
  card: GradeCard | null;
  /** null when the user has no state row for the card (never seen) */
  state: GradeState | null;
}

/** What one grade writes: the new state (update guarded by the read version, or insert) and its log. */
export interface GradeWrite {
  fields: CardStateFields;
  /** the leech rule's "flag and suspend": the same write also suspends (suspended + leechSuspended) */
  leechSuspend: boolean;
  log: ReviewLogFields & { previousDue: Date; durationMs: number; source: string };
}

/**
 * A read of the review hot path: the same SQL with `?` placeholders (`sql`, SQLite) and `$n` ones
 * (`text`, PostgreSQL), and its values in order. A Prisma.Sql carries all three.
 */
export interface HotQuery {
  readonly sql: string;
  readonly text: string;
  readonly values: readonly unknown[];
}

export type HotRow = Record<string, unknown>;

export interface GradeStore {
  /**
   * A read of the review screen (queue counts, the card, the session) as a statement prepared once
   * per connection. Values may be strings, numbers, booleans, Dates and null. Rows come back as the
   * driver gives them: read dates, counts and booleans through tolerant converters (a date may be
   * a Date or ISO text, a count a number or a numeric string, a boolean true/false or 1/0).
   */
  read(query: HotQuery): Promise<HotRow[]>;
  /** The same read, each row an array of its columns in order (bulk reads: no object per row). */
  read(query: HotQuery, shape: "arrays"): Promise<unknown[][]>;

  /**
   * One grade in one transaction: reads the card and the user's state, calls `decide` (pure and
   * synchronous; it throws to refuse, and then nothing is written), writes the state only if its
   * version is still the one read (or inserts it if there was none), inserts the log and bumps
   * the ReviewHour rollup of the log's hour. Returns null when the guard found the row changed
   * (or, for a first review, already created): the caller reports "stale".
   */
  grade(userId: string, cardId: string, decide: (read: GradeRead) => GradeWrite): Promise<{ logId: string; version: number } | null>;
}

/** The rollup key of a moment: its UTC hour, "YYYY-MM-DDTHH" (as ReviewHour stores it). */
export const hourOf = (at: Date) => at.toISOString().slice(0, 13);

/** How an engine's driver hands back a date column and a boolean column. */
export interface RowCodec {
  date(v: unknown): Date | null;
  bool(v: unknown): boolean;
}

/** The grade read's one row (card joined with the user's state, if any) as a GradeRead. */
export function gradeReadOf(row: Record<string, unknown> | undefined, codec: RowCodec): GradeRead {
  if (!row) return { card: null, state: null };
  const card = { kind: String(row.kind), trickSlug: String(row.trickSlug), trickName: String(row.trickName), trickWhy: (row.trickWhy as string | null) ?? null, trickWhen: (row.trickWhen as string | null) ?? null };
  if (row.id == null) return { card, state: null };
  return {
    card,
    state: {
      id: String(row.id),
      due: codec.date(row.due)!,
      stability: Number(row.stability),
      difficulty: Number(row.difficulty),
      elapsedDays: Number(row.elapsedDays),
      scheduledDays: Number(row.scheduledDays),
      learningSteps: Number(row.learningSteps),
      reps: Number(row.reps),
      lapses: Number(row.lapses),
      state: Number(row.state),
      lastReview: codec.date(row.lastReview),
      suspended: codec.bool(row.suspended),
      version: Number(row.version),
    },
  };
}
