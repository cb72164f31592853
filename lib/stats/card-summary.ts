// Per-trick and per-category figures from the user's card states (one row per card ever seen),
// computed here rather than in SQL so both engines give the same numbers.
import { MATURE_DAYS, type MasteryCounts } from "./mastery";
import { recallAfter, type Curve } from "./recall";
import type { HourCount } from "./days";

export interface StateRow {
  cardId: string;
  trick: string;
  state: number;
  scheduledDays: number;
  stability: number;
  lastReview: Date | null;
  lapses: number;
  suspended: boolean;
  due: Date;
}

export interface GroupSummary extends MasteryCounts {
  studied: number;
  stability: number | null;
  lapses: number;
  lastReview: string | null;
  nextDue: string | null;
}

interface Acc {
  seen: number;
  learning: number;
  young: number;
  mature: number;
  recallSum: number;
  recallN: number;
  stabilitySum: number;
  lapses: number;
  lastReview: number | null;
  nextDue: number | null;
}

const HOUR = 3_600_000;

const empty = (): Acc => ({ seen: 0, learning: 0, young: 0, mature: 0, recallSum: 0, recallN: 0, stabilitySum: 0, lapses: 0, lastReview: null, nextDue: null });
const iso = (ms: number | null) => (ms === null ? null : new Date(ms).toISOString());
const later = (a: number | null, b: number) => (a === null || b > a ? b : a);
const sooner = (a: number | null, b: number) => (a === null || b < a ? b : a);

function add(acc: Acc, s: StateRow, nowMs: number, curve: Curve) {
  acc.lapses += s.lapses;
  if (s.lastReview) acc.lastReview = later(acc.lastReview, s.lastReview.getTime());
  if (s.state === 0) return;
  acc.seen++;
  acc.stabilitySum += s.stability;
  if (s.state !== 2) acc.learning++;
  else if (s.scheduledDays >= MATURE_DAYS) acc.mature++;
  else acc.young++;
  if (!s.suspended) acc.nextDue = sooner(acc.nextDue, s.due.getTime());
  if (s.lastReview && s.stability > 0) {
    acc.recallSum += recallAfter((nowMs - s.lastReview.getTime()) / 86_400_000, s.stability, curve);
    acc.recallN++;
  }
}

const finish = (cards: number, a: Acc): GroupSummary => ({
  cards,
  new: cards - a.seen,
  learning: a.learning,
  young: a.young,
  mature: a.mature,
  recall: a.recallN ? a.recallSum / a.recallN : null,
  studied: a.seen,
  stability: a.seen ? a.stabilitySum / a.seen : null,
  lapses: a.lapses,
  lastReview: iso(a.lastReview),
  nextDue: iso(a.nextDue),
});

/**
 * Summaries per trick and per category. `cardsPerTrick` counts every live card (a card with no
 * state row is new); `categoryOf` maps trick slugs to category slugs. Rows are taken in card id
 * order so that sums, and so the figures, never depend on the order the database returned.
 */
export function summariseStates(rows: readonly StateRow[], cardsPerTrick: ReadonlyMap<string, number>, categoryOf: ReadonlyMap<string, string>, now: Date, curve: Curve) {
  const perTrick = new Map<string, Acc>();
  const perCategory = new Map<string, Acc>();
  const sorted = [...rows].sort((a, b) => (a.cardId < b.cardId ? -1 : a.cardId > b.cardId ? 1 : 0));
  for (const s of sorted) {
    const category = categoryOf.get(s.trick);
    if (category === undefined) continue;
    for (const [map, key] of [[perTrick, s.trick], [perCategory, category]] as const) {
      if (!map.has(key)) map.set(key, empty());
      add(map.get(key)!, s, now.getTime(), curve);
    }
  }
  const categoryCards = new Map<string, number>();
  for (const [trick, n] of cardsPerTrick) {
    const c = categoryOf.get(trick);
    if (c !== undefined) categoryCards.set(c, (categoryCards.get(c) ?? 0) + n);
  }
  return {
    tricks: new Map([...cardsPerTrick].filter(([t]) => categoryOf.has(t)).map(([t, n]) => [t, finish(n, perTrick.get(t) ?? empty())])),
    categories: new Map([...categoryCards].map(([c, n]) => [c, finish(n, perCategory.get(c) ?? empty())])),
  };
}

/** Cards due per UTC hour ("YYYY-MM-DDTHH") before `until`: studied, not suspended. */
export function dueHours(rows: readonly StateRow[], until: Date): HourCount[] {
  // counted per hour number, each hour's key made once (not one date string per card)
  const perHour = new Map<number, number>();
  const untilMs = until.getTime();
  for (const s of rows) {
    const due = s.due.getTime();
    if (s.state === 0 || s.suspended || due >= untilMs) continue;
    const hour = Math.floor(due / HOUR);
    perHour.set(hour, (perHour.get(hour) ?? 0) + 1);
  }
  return [...perHour].map(([hour, count]) => ({ hour: new Date(hour * HOUR).toISOString().slice(0, 13), count }));
}
