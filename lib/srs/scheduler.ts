// The scheduler facade over ts-fsrs. Every function takes `now` and the user's settings as
// arguments; nothing here reads the clock, the database or the session.
import { createEmptyCard, fsrs, Rating, State, StrategyMode, type Card, type Grade, type ReviewLog } from "ts-fsrs";
import { fsrsParameters, type StudySettings } from "./settings";

export const GRADES = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy] as const satisfies readonly Grade[];

export const isGrade = (n: unknown): n is Grade => typeof n === "number" && Number.isInteger(n) && n >= 1 && n <= 4;

/**
 * ts-fsrs seeds its fuzz with the review time to the millisecond, so the interval shown on a
 * button (computed when the card is shown) and the one the grade gives (computed when it is
 * pressed) differed. We seed with what does not change in between: the card id, the review
 * count and the card's memory state. Different cards still spread apart; one card's label and
 * grade agree. (Elapsed time counts in whole UTC days in ts-fsrs, so it is the same too unless
 * a UTC midnight passes between showing and pressing.)
 */
const schedulerFor = (settings: StudySettings, cardId: string) =>
  fsrs(fsrsParameters(settings)).useStrategy(StrategyMode.SEED, function () {
    // `current` is the card being reviewed, its reps already counting this review
    const { current } = this as unknown as { current: Card };
    return `${cardId}_${current.reps}_${current.difficulty * current.stability}`;
  });

/** A card the user has never reviewed, as ts-fsrs sees it at `now`. */
export const emptyCard = (now: Date): Card => createEmptyCard(now);

/** Grades a card (null = never reviewed) at `now`: the new card state and the review log. */
export function gradeCard(card: Card | null, rating: Grade, now: Date, settings: StudySettings, cardId: string): { card: Card; log: ReviewLog } {
  return schedulerFor(settings, cardId).next(card ?? emptyCard(now), now, rating);
}

/**
 * "Reset" (Anki's forget): the card becomes new again with its counts (reps, lapses) at zero, so
 * a leech stops being one. ts-fsrs logs it with rating 0 (Manual); the log is kept so a replay
 * of the history reaches the same state.
 */
export function forgetCard(card: Card, now: Date, settings: StudySettings): { card: Card; log: ReviewLog } {
  return schedulerFor(settings, "").forget(card, now, true);
}

/** For each grade, when the card would next be due if graded now (the same fuzz as gradeCard). */
export function previewGrades(card: Card | null, now: Date, settings: StudySettings, cardId: string): Record<Grade, { due: Date; label: string }> {
  const preview = schedulerFor(settings, cardId).repeat(card ?? emptyCard(now), now);
  return Object.fromEntries(
    GRADES.map((g) => {
      const due = new Date(preview[g].card.due);
      return [g, { due, label: formatInterval(due.getTime() - now.getTime()) }];
    }),
  ) as Record<Grade, { due: Date; label: string }>;
}

/**
 * The card as it was before `log` was applied (ts-fsrs rollback). ts-fsrs logs do not keep the
 * previous due date, so the caller passes the one it stored; null means the card was new.
 */
export function undoGrade(cardAfter: Card, log: ReviewLog, previousDue: Date, settings: StudySettings): Card | null {
  if (log.state === State.New) return null;
  const previous = schedulerFor(settings, "").rollback(cardAfter, log);
  return { ...previous, due: new Date(previousDue) };
}

/** "45s", "10m", "3h", "4d", "2.5mo", "1.2y": the labels on the grade buttons. */
export function formatInterval(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 1) return `${Math.max(0, Math.round(ms / 1000))}s`;
  if (minutes < 60) return `${Math.round(minutes)}m`;
  const hours = minutes / 60;
  if (hours < 24) return `${Math.round(hours)}h`;
  const days = hours / 24;
  if (days < 30) return `${Math.round(days)}d`;
  if (days < 365) return `${trim(days / 30.4375)}mo`;
  return `${trim(days / 365.25)}y`;
}

const trim = (n: number) => (n < 10 ? n.toFixed(1).replace(/\.0$/, "") : String(Math.round(n)));

/** Replays review logs (grades and resets), oldest first, from a new card: the state the database should hold. */
export function replay(logs: { rating: number; review: Date }[], settings: StudySettings, cardId: string): Card | null {
  let card: Card | null = null;
  for (const l of logs) {
    if (l.rating === Rating.Manual) {
      // a reset: from here the card starts again as new, as the review screen grades a new-state row
      card = null;
      continue;
    }
    if (!isGrade(l.rating)) throw new Error(`rating ${l.rating} is not 1-4`);
    card = gradeCard(card, l.rating, new Date(l.review), settings, cardId).card;
  }
  return card;
}
