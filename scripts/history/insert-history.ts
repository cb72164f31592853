// Writes a review history straight into a database, computed with the real scheduler (ts-fsrs
// through lib/srs): used by the benchmarks (100,000 reviews) and the e2e tests (a small scripted
// history at controlled times). historyRows() computes the rows once; insertHistory() writes them
// to a SQLite file, insert-history-postgres.ts to PostgreSQL, so both engines get the same data.
// Dates are stored as Prisma stores them (ISO, +00:00).
import { randomUUID } from "node:crypto";
import type Database from "better-sqlite3";
import type { Card } from "ts-fsrs";
import { cardToRow, logToRow } from "../../lib/srs/mapper";
import { gradeCard } from "../../lib/srs/scheduler";
import type { StudySettings } from "../../lib/srs/settings";

export interface PlannedCard {
  cardId: string;
  reviews: { rating: 1 | 2 | 3 | 4; at: Date; durationMs?: number }[];
}

type Value = string | number | null;

export const LOG_COLUMNS = ["id", "userId", "cardId", "rating", "state", "due", "stability", "difficulty", "elapsedDays", "lastElapsedDays", "scheduledDays", "learningSteps", "review", "previousDue", "durationMs", "source", "createdAt"] as const;
export const STATE_COLUMNS = ["id", "userId", "cardId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview", "version", "createdAt", "updatedAt"] as const;
/** columns of CardState an upsert overwrites when the user already holds the card */
export const STATE_UPDATED = ["due", "stability", "difficulty", "elapsedDays", "scheduledDays", "learningSteps", "reps", "lapses", "state", "lastReview", "version", "updatedAt"] as const;
export const HOUR_COLUMNS = ["userId", "hour", "reviews", "durationMs"] as const;

/** Rows in the column orders above: logs in review order, one state per (user, card), one hour row per (user, hour). */
export interface HistoryRows {
  logs: Value[][];
  states: Map<string, Value[]>;
  hours: Map<string, [string, string, number, number]>;
  /** cards with at least one review, counted per call as insertHistory always has */
  planned: number;
}

export const emptyHistory = (): HistoryRows => ({ logs: [], states: new Map(), hours: new Map(), planned: 0 });

const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");

type Graded = ReturnType<typeof gradeCard>;
/** what randomPlan already computed for a planned card (the same gradeCard calls historyRows makes), so it is not computed twice */
const gradedByPlan = new WeakMap<PlannedCard, { settings: StudySettings; graded: Graded[] }>();

/** The rows a history produces for one user, added to `into` (several users can share one). */
export function historyRows(userId: string, plan: PlannedCard[], settings: StudySettings, into: HistoryRows = emptyHistory()): HistoryRows {
  for (const planned of plan) {
    const { cardId, reviews } = planned;
    const known = gradedByPlan.get(planned);
    const reuse = known && known.settings === settings && known.graded.length === reviews.length ? known.graded : null;
    let card: Card | null = null;
    let reusing = reuse !== null;
    for (const [i, r] of reviews.entries()) {
      const previousDue = card ? new Date(card.due) : r.at;
      // reused while the reviews are the ones planned (once one differs, every later state does too)
      reusing = reusing && reuse![i].log.rating === r.rating && reuse![i].log.review.getTime() === r.at.getTime();
      const next: Graded = reusing ? reuse![i] : gradeCard(card, r.rating, r.at, settings, cardId);
      const l = logToRow(next.log);
      const duration = r.durationMs ?? 8000;
      into.logs.push([randomUUID(), userId, cardId, l.rating, l.state, iso(l.due), l.stability, l.difficulty, l.elapsedDays, l.lastElapsedDays, l.scheduledDays, l.learningSteps, iso(l.review), iso(previousDue), duration, "review", iso(r.at)]);
      const hour = r.at.toISOString().slice(0, 13);
      const h = into.hours.get(`${userId}\u0000${hour}`);
      if (h) {
        h[2] += 1;
        h[3] += duration;
      } else into.hours.set(`${userId}\u0000${hour}`, [userId, hour, 1, duration]);
      card = next.card;
    }
    if (!card) continue;
    into.planned++;
    const s = cardToRow(card);
    const at = iso(reviews.at(-1)!.at);
    const key = `${userId}\u0000${cardId}`;
    // a card planned twice: the later plan wins, keeping the first row's id (as the upsert did)
    const id = (into.states.get(key)?.[0] as string | undefined) ?? randomUUID();
    into.states.set(key, [id, userId, cardId, iso(s.due), s.stability, s.difficulty, s.elapsedDays, s.scheduledDays, s.learningSteps, s.reps, s.lapses, s.state, s.lastReview ? iso(s.lastReview) : null, reviews.length, at, at]);
  }
  return into;
}

/** Writes history rows to a SQLite file in one transaction (upserting states and hours already there). */
export function writeHistorySqlite(db: Database.Database, rows: HistoryRows): void {
  const list = (cols: readonly string[]) => cols.join(", ");
  const marks = (cols: readonly string[]) => cols.map(() => "?").join(", ");
  const insertLog = db.prepare(`INSERT INTO ReviewLog (${list(LOG_COLUMNS)}) VALUES (${marks(LOG_COLUMNS)})`);
  const upsertState = db.prepare(`INSERT INTO CardState (${list(STATE_COLUMNS)}) VALUES (${marks(STATE_COLUMNS)})
    ON CONFLICT (userId, cardId) DO UPDATE SET ${STATE_UPDATED.map((c) => `${c} = excluded.${c}`).join(", ")}`);
  const bumpHour = db.prepare(`INSERT INTO ReviewHour (${list(HOUR_COLUMNS)}) VALUES (${marks(HOUR_COLUMNS)})
    ON CONFLICT (userId, hour) DO UPDATE SET reviews = reviews + excluded.reviews, durationMs = durationMs + excluded.durationMs`);
  db.transaction(() => {
    for (const r of rows.logs) insertLog.run(r);
    for (const r of rows.hours.values()) bumpHour.run(r);
    for (const r of rows.states.values()) upsertState.run(r);
  })();
}

export function insertHistory(db: Database.Database, userId: string, plan: PlannedCard[], settings: StudySettings): { logs: number; states: number } {
  const rows = historyRows(userId, plan, settings);
  writeHistorySqlite(db, rows);
  return { logs: rows.logs.length, states: rows.planned };
}

/** A realistic random history: each card is first seen on a random day, then reviewed when due. */
export function randomPlan(cardIds: string[], reviewsPerCard: number, now: Date, days: number, settings: StudySettings, seed = 1): PlannedCard[] {
  let a = seed >>> 0;
  const rand = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const rating = (): 1 | 2 | 3 | 4 => {
    const x = rand();
    return x < 0.1 ? 1 : x < 0.22 ? 2 : x < 0.9 ? 3 : 4;
  };
  return cardIds.map((cardId) => {
    let at = new Date(now.getTime() - days * 86_400_000 * (0.6 + 0.4 * rand()));
    let card: Card | null = null;
    const reviews: PlannedCard["reviews"] = [];
    const graded: Graded[] = [];
    for (let i = 0; i < reviewsPerCard && at < now; i++) {
      const r = rating();
      reviews.push({ rating: r, at, durationMs: Math.round(3000 + 12000 * rand()) });
      graded.push(gradeCard(card, r, at, settings, cardId));
      card = graded[i].card;
      // review when due, or earlier once the card's interval would run past now
      const due = new Date(card.due).getTime();
      const spacing = Math.max(60_000, Math.min(due - at.getTime(), (now.getTime() - at.getTime()) / (reviewsPerCard - i)));
      at = new Date(at.getTime() + spacing * (0.9 + 0.2 * rand()));
    }
    const planned = { cardId, reviews };
    gradedByPlan.set(planned, { settings, graded });
    return planned;
  });
}
