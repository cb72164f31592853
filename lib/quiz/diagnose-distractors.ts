// Wrong choices for a Diagnose question ("you see this symptom: which trick?"): other tricks that
// fix OTHER symptoms, so every choice is a real remedy and a guess is not enough. Same category
// first, then the nearest categories of the same area, and only when the area runs out, the rest.
// Never the right trick, never two choices with the same name, and never a trick that also lists
// a near-identical symptom (it would be a second right answer). Deterministic for a given rng.
import { nearIdentical } from "../content/text-overlap";
import type { QuizTrick } from "./distractors";
import { shuffle, type Rng } from "./random";

export interface DiagnoseSymptom {
  /** the diagnose card that asks for this symptom */
  cardId: string;
  trick: QuizTrick;
  /** the observation */
  text: string;
  /** why the trick addresses it */
  because: string;
}

const nameKey = (t: QuizTrick) => t.name.trim().toLowerCase();

/**
 * Up to `count` distractor tricks, each with the symptom it addresses (its first one, the same
 * one the answer feedback quotes). `pool` holds every symptom of the catalogue in catalogue order.
 */
export function pickDiagnoseDistractors(target: DiagnoseSymptom, pool: readonly DiagnoseSymptom[], count: number, rng: Rng): DiagnoseSymptom[] {
  const bySlug = new Map<string, DiagnoseSymptom[]>();
  for (const s of pool) bySlug.set(s.trick.slug, [...(bySlug.get(s.trick.slug) ?? []), s]);
  const candidates = [...bySlug.values()]
    .filter((own) => own[0].trick.slug !== target.trick.slug && !own.some((s) => nearIdentical(s.text, target.text)))
    .map((own) => own[0]);

  const at = target.trick;
  const distance = (s: DiagnoseSymptom) => Math.abs(s.trick.categoryIndex - at.categoryIndex);
  const tiers = [
    shuffle(candidates.filter((s) => s.trick.category === at.category), rng),
    // same area, nearest category first (ties in random order: the sort is stable)
    shuffle(candidates.filter((s) => s.trick.area === at.area && s.trick.category !== at.category), rng).sort((a, b) => distance(a) - distance(b)),
    shuffle(candidates.filter((s) => s.trick.area !== at.area), rng),
  ];
  const seen = new Set([nameKey(at)]);
  const picked: DiagnoseSymptom[] = [];
  for (const s of tiers.flat()) {
    if (picked.length === count) break;
    if (seen.has(nameKey(s.trick))) continue;
    seen.add(nameKey(s.trick));
    picked.push(s);
  }
  return picked;
}
