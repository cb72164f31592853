// Writes a review history straight into a SQLite file, computed with the real scheduler (ts-fsrs
// through lib/srs): used by the benchmark (100,000 reviews) and the progress e2e test (a small
// scripted history at controlled times). Dates are stored as Prisma stores them (ISO, +00:00).
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

const iso = (d: Date) => d.toISOString().replace("Z", "+00:00");

export function insertHistory(db: Database.Database, userId: string, plan: PlannedCard[], settings: StudySettings): { logs: number; states: number } {
  const insertLog = db.prepare(`INSERT INTO ReviewLog (id, userId, cardId, rating, state, due, stability, difficulty, elapsedDays, lastElapsedDays,
    scheduledDays, learningSteps, review, previousDue, durationMs, source, createdAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'review', ?)`);
  const upsertState = db.prepare(`INSERT INTO CardState (id, userId, cardId, due, stability, difficulty, elapsedDays, scheduledDays, learningSteps, reps,
    lapses, state, lastReview, suspended, version, createdAt, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0, ?, ?, ?)
    ON CONFLICT (userId, cardId) DO UPDATE SET due = excluded.due, stability = excluded.stability, difficulty = excluded.difficulty,
    elapsedDays = excluded.elapsedDays, scheduledDays = excluded.scheduledDays, learningSteps = excluded.learningSteps, reps = excluded.reps,
    lapses = excluded.lapses, state = excluded.state, lastReview = excluded.lastReview, version = excluded.version, updatedAt = excluded.updatedAt`);
  const bumpHour = db.prepare(`INSERT INTO ReviewHour (userId, hour, reviews, durationMs) VALUES (?, ?, 1, ?)
    ON CONFLICT (userId, hour) DO UPDATE SET reviews = reviews + 1, durationMs = durationMs + excluded.durationMs`);
  let logs = 0;
  const run = db.transaction(() => {
    for (const { cardId, reviews } of plan) {
      let card: Card | null = null;
      for (const r of reviews) {
        const previousDue = card ? new Date(card.due) : r.at;
        const next = gradeCard(card, r.rating, r.at, settings, cardId);
        const l = logToRow(next.log);
        insertLog.run(randomUUID(), userId, cardId, l.rating, l.state, iso(l.due), l.stability, l.difficulty, l.elapsedDays, l.lastElapsedDays, l.scheduledDays, l.learningSteps, iso(l.review), iso(previousDue), r.durationMs ?? 8000, iso(r.at));
        bumpHour.run(userId, r.at.toISOString().slice(0, 13), r.durationMs ?? 8000);
        card = next.card;
        logs++;
      }
      if (!card) continue;
      const s = cardToRow(card);
      const at = iso(reviews.at(-1)!.at);
      upsertState.run(randomUUID(), userId, cardId, iso(s.due), s.stability, s.difficulty, s.elapsedDays, s.scheduledDays, s.learningSteps, s.reps, s.lapses, s.state, s.lastReview ? iso(s.lastReview) : null, reviews.length, at, at);
    }
  });
  run();
  return { logs, states: plan.filter((p) => p.reviews.length > 0).length };
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
    for (let i = 0; i < reviewsPerCard && at < now; i++) {
      const r = rating();
      reviews.push({ rating: r, at, durationMs: Math.round(3000 + 12000 * rand()) });
      card = gradeCard(card, r, at, settings, cardId).card;
      // review when due, or earlier once the card's interval would run past now
      const due = new Date(card.due).getTime();
      const spacing = Math.max(60_000, Math.min(due - at.getTime(), (now.getTime() - at.getTime()) / (reviewsPerCard - i)));
      at = new Date(at.getTime() + spacing * (0.9 + 0.2 * rand()));
    }
    return { cardId, reviews };
  });
}
