// Today's review queue, from plain rows. Order: learning and relearning cards that are due,
// then review cards by due date, then new cards in catalogue order. Limits (per study day):
// `newCardsPerDay` caps new cards; `reviewsPerDay` caps review cards plus new cards together,
// as in Anki. Learning steps of cards already started are never held back by a limit.

export interface QueueCard {
  cardId: string;
  /** null for a card the user has never seen */
  due: Date | null;
  state: number;
}

export interface QueueInput {
  now: Date;
  dayEnd: Date;
  /** learning/relearning cards due before the day ends, any order */
  learning: QueueCard[];
  /** review cards due before the day ends, any order */
  reviews: QueueCard[];
  /** new cards in catalogue order */
  newCards: QueueCard[];
  doneToday: { newCards: number; reviews: number };
  limits: { newCardsPerDay: number; reviewsPerDay: number };
  /** a learning card due within this window counts as due when nothing else is left (Anki: 20 min) */
  learnAheadMs?: number;
}

export interface Queue {
  cards: QueueCard[];
  /** cards left today: learning = every learning step due before the day ends, now or later */
  counts: { learning: number; review: number; new: number };
  /** learning cards that come back later today, when the queue is otherwise empty */
  later: { count: number; nextDue: Date | null };
}

const byDue = (a: QueueCard, b: QueueCard) => (a.due?.getTime() ?? 0) - (b.due?.getTime() ?? 0) || a.cardId.localeCompare(b.cardId);

export const DEFAULT_LEARN_AHEAD_MS = 20 * 60_000;

/** How many review and new cards the limits still allow today. */
export function remainingToday(doneToday: QueueInput["doneToday"], limits: QueueInput["limits"], reviewsAvailable: number) {
  const total = Math.max(0, limits.reviewsPerDay - doneToday.reviews - doneToday.newCards);
  const reviews = Math.min(reviewsAvailable, total);
  const newCards = Math.max(0, Math.min(limits.newCardsPerDay - doneToday.newCards, total - reviews));
  return { reviews, newCards };
}

export function buildQueue(input: QueueInput): Queue {
  const now = input.now.getTime();
  const learning = input.learning.filter((c) => c.due && c.due.getTime() < input.dayEnd.getTime()).sort(byDue);
  const learningDue = learning.filter((c) => c.due!.getTime() <= now);
  const learningLater = learning.filter((c) => c.due!.getTime() > now);
  const reviewsDue = input.reviews.filter((c) => c.due && c.due.getTime() < input.dayEnd.getTime()).sort(byDue);

  const allowed = remainingToday(input.doneToday, input.limits, reviewsDue.length);
  const reviews = reviewsDue.slice(0, allowed.reviews);
  const newCards = input.newCards.slice(0, allowed.newCards);

  let cards = [...learningDue, ...reviews, ...newCards];
  let later = learningLater;
  if (cards.length === 0) {
    const horizon = now + (input.learnAheadMs ?? DEFAULT_LEARN_AHEAD_MS);
    cards = learningLater.filter((c) => c.due!.getTime() <= horizon);
    later = learningLater.filter((c) => c.due!.getTime() > horizon);
  }
  return {
    cards,
    // what the day still holds (as Anki counts it): learning steps due later today count too,
    // so grading a card never makes the total jump up and the progress bar only moves forward
    counts: {
      learning: learning.length,
      review: cards.filter((c) => c.state === 2).length,
      new: cards.filter((c) => c.state === 0).length,
    },
    later: { count: later.length, nextDue: later[0]?.due ?? null },
  };
}
