// Before a quiz starts: how many questions the chosen categories can give, and how to widen
// the pool when the user asked for more. Multiple choice and typed quizzes ask one question per
// trick; flashcards one per card.

export interface PoolCategory {
  slug: string;
  name: string;
  tricks: number;
  cards: number;
}

export interface PoolArea {
  name: string;
  categories: PoolCategory[];
}

export interface Shortfall {
  /** questions the chosen categories can give */
  available: number;
  /** categories to add: the rest of the chosen categories' areas, else every category */
  widenWith: string[];
  /** questions after widening */
  widenedAvailable: number;
}

const unit = (mode: string) => (mode === "flashcards" ? "cards" : "tricks");

/** How many questions `selected` gives in `mode` (at most, before suspended or filtered cards). */
export function poolSize(areas: readonly PoolArea[], selected: ReadonlySet<string>, mode: string): number {
  return areas.flatMap((a) => a.categories).reduce((n, c) => n + (selected.has(c.slug) ? c[unit(mode)] : 0), 0);
}

/** Null when the choice can fill `length` questions (or length is "all", or nothing is chosen). */
export function shortfall(areas: readonly PoolArea[], selected: ReadonlySet<string>, mode: string, length: number | "all"): Shortfall | null {
  if (length === "all" || selected.size === 0) return null;
  const available = poolSize(areas, selected, mode);
  if (available >= length) return null;
  const sameArea = areas.filter((a) => a.categories.some((c) => selected.has(c.slug))).flatMap((a) => a.categories);
  let widenWith = sameArea.filter((c) => !selected.has(c.slug)).map((c) => c.slug);
  let widened = poolSize(areas, new Set([...selected, ...widenWith]), mode);
  if (widened < length) {
    widenWith = areas.flatMap((a) => a.categories).filter((c) => !selected.has(c.slug)).map((c) => c.slug);
    widened = poolSize(areas, new Set([...selected, ...widenWith]), mode);
  }
  return { available, widenWith, widenedAvailable: widened };
}
