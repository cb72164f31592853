// Training items from a review log, built the way fsrs-rs builds them from its CSV
// (convert_csv in @open-spaced-repetition/binding; tests/optimizer-items.test.ts checks we agree):
//  - reviews are grouped per card, oldest first;
//  - delta_t is the number of study days between a review and the card's previous one, where a
//    study day starts at the user's day-start hour in their time zone (same-day reviews: 0);
//  - a reset (rating 0) starts a card's history anew: the reviews before it are dropped;
//  - a card whose history does not begin with a review of a NEW card is left out (its start is unknown);
//  - every review after the first with delta_t > 0 yields one item: the card's whole history up to
//    and including it. Same-day reviews stay in the histories (short-term memory) but are not items.
import { studyDay } from "../srs/study-day";

export interface LogRow {
  cardId: string;
  review: Date;
  rating: number;
  /** ts-fsrs state before the review: 0 new */
  state: number;
}

export interface FitReview {
  rating: number;
  deltaT: number;
}

export interface FitItem {
  cardId: string;
  /** when the item's last (predicted) review happened, Unix ms: the time split uses it */
  at: number;
  reviews: FitReview[];
}

const DAY = 86_400_000;

/** A function from an instant to its study-day number (days since 1970-01-01 of the day's date). */
export function studyDayNumber(timeZone: string, dayStartHour: number): (at: Date) => number {
  // day boundaries fall on whole quarter hours in every time zone: one look-up per quarter hour
  const cache = new Map<number, number>();
  return (at) => {
    const quarter = Math.floor(at.getTime() / 900_000);
    let n = cache.get(quarter);
    if (n === undefined) {
      const [y, m, d] = studyDay(new Date(quarter * 900_000), timeZone, dayStartHour).key.split("-").map(Number);
      n = Date.UTC(y, m - 1, d) / DAY;
      cache.set(quarter, n);
    }
    return n;
  };
}

export function buildTrainingItems(logs: readonly LogRow[], dayNumber: (at: Date) => number): FitItem[] {
  const byCard = new Map<string, LogRow[]>();
  for (const l of logs) {
    const list = byCard.get(l.cardId);
    if (list) list.push(l);
    else byCard.set(l.cardId, [l]);
  }
  const items: FitItem[] = [];
  for (const [cardId, raw] of byCard) {
    const sorted = [...raw].sort((a, b) => a.review.getTime() - b.review.getTime());
    // a reset (rating 0, "forget") starts the card's history anew, as a manual entry does in
    // fsrs-rs: only the reviews after the last one count, and they begin with a NEW card
    const lastReset = sorted.findLastIndex((l) => l.rating === 0);
    const list = sorted.slice(lastReset + 1);
    if (list.length === 0 || list[0].state !== 0) continue;
    const reviews: FitReview[] = [];
    let previousDay = 0;
    list.forEach((l, i) => {
      const day = dayNumber(l.review);
      const deltaT = i === 0 ? 0 : day - previousDay;
      previousDay = day;
      reviews.push({ rating: l.rating, deltaT });
      if (i > 0 && deltaT > 0) items.push({ cardId, at: l.review.getTime(), reviews: reviews.slice() });
    });
  }
  return items;
}
