// The category to practise next: the studied one the user knows least well today.

export interface CategoryStanding {
  slug: string;
  name: string;
  cards: number;
  new: number;
  /** mean predicted recall now of the studied cards, or null if none studied */
  recall: number | null;
  /** mastery score 0..1 (see masteryScore) */
  score: number;
}

/**
 * Among categories with at least one studied card, the one with the lowest predicted recall
 * today; ties go to the lower mastery score, then to catalogue order. Null before any study.
 */
export function weakestCategory<T extends CategoryStanding>(rows: readonly T[]): T | null {
  let weakest: T | null = null;
  for (const row of rows) {
    if (row.recall === null) continue; // never studied
    if (!weakest || row.recall < weakest.recall! || (row.recall === weakest.recall && row.score < weakest.score)) weakest = row;
  }
  return weakest;
}
