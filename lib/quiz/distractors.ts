// Wrong choices for multiple-choice questions: hard and plausible first (same category), then
// the neighbouring categories of the same area, then the rest. Never the answer itself, never
// two choices with the same text. Deterministic for a given rng.
import { shuffle, type Rng } from "./random";

export interface QuizTrick {
  slug: string;
  name: string;
  summary: string;
  category: string;
  /** position of the category in the catalogue */
  categoryIndex: number;
  area: string;
}

const key = (s: string) => s.trim().toLowerCase();

export function pickDistractors(target: QuizTrick, pool: readonly QuizTrick[], count: number, rng: Rng, text: (t: QuizTrick) => string = (t) => t.name): QuizTrick[] {
  const seen = new Set([key(text(target))]);
  const tiers = [
    pool.filter((t) => t.category === target.category),
    // neighbours in the same area, nearest category first (ties shuffled)
    shuffle(pool.filter((t) => t.area === target.area && t.category !== target.category), rng).sort(
      (a, b) => Math.abs(a.categoryIndex - target.categoryIndex) - Math.abs(b.categoryIndex - target.categoryIndex),
    ),
    pool.filter((t) => t.area !== target.area),
  ];
  const picked: QuizTrick[] = [];
  for (const [i, tier] of tiers.entries()) {
    const ordered = i === 1 ? tier : shuffle(tier, rng);
    for (const t of ordered) {
      if (picked.length === count) return picked;
      if (t.slug === target.slug || seen.has(key(text(t)))) continue;
      seen.add(key(text(t)));
      picked.push(t);
    }
  }
  return picked;
}
