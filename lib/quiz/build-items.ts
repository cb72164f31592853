// Builds the items of a multiple-choice, typed or Diagnose quiz from plain catalogue rows.
import { diagnosePrompt } from "../content/diagnose";
import { pickDiagnoseDistractors, type DiagnoseSymptom } from "./diagnose-distractors";
import { pickDistractors, type QuizTrick } from "./distractors";
import { seededRng, shuffle } from "./random";

export type QuizItemKind = "name" | "statement" | "typed" | "diagnose";

export interface QuizCardRef {
  cardId: string;
  trickSlug: string;
  kind: string;
  prompt: string;
}

export interface BuiltItem {
  kind: QuizItemKind;
  cardId: string;
  trickSlug: string;
  prompt: string;
  choices: string[];
  correct: string;
}

export interface BuildOptions {
  seed: number;
  /** number of questions; Infinity for one per trick */
  length: number;
  /** "name": description -> four names; "statement": name -> four descriptions; "mixed": both; "typed": type the name */
  style: "name" | "statement" | "mixed" | "typed";
}

/**
 * One question per trick (in random order) from the chosen tricks. The question is tied to a card
 * so a counted answer can update its schedule: the trick's reverse card when it has one (its
 * prompt is a description without the name), else its what card with the trick's summary.
 */
export function buildQuizItems(chosen: readonly QuizTrick[], pool: readonly QuizTrick[], cards: readonly QuizCardRef[], opts: BuildOptions): BuiltItem[] {
  const rng = seededRng(opts.seed);
  const cardsOf = new Map<string, QuizCardRef[]>();
  for (const c of cards) cardsOf.set(c.trickSlug, [...(cardsOf.get(c.trickSlug) ?? []), c]);
  const items: BuiltItem[] = [];
  for (const trick of shuffle(chosen, rng)) {
    if (items.length >= opts.length) break;
    const own = cardsOf.get(trick.slug) ?? [];
    const reverse = own.find((c) => c.kind === "reverse");
    const what = own.find((c) => c.kind === "what");
    const kind: QuizItemKind = opts.style === "mixed" ? (rng() < 0.5 ? "name" : "statement") : opts.style;
    if (kind === "statement") {
      if (!what) continue;
      const wrong = pickDistractors(trick, pool, 3, rng, (t) => t.summary);
      items.push({
        kind,
        cardId: what.cardId,
        trickSlug: trick.slug,
        prompt: `Which statement describes **${trick.name}**?`,
        choices: shuffle([trick.summary, ...wrong.map((t) => t.summary)], rng),
        correct: trick.summary,
      });
      continue;
    }
    const card = reverse ?? what;
    if (!card) continue;
    const prompt = reverse ? reverse.prompt : `Which trick or architecture is this? ${trick.summary}`;
    const choices = kind === "typed" ? [] : shuffle([trick.name, ...pickDistractors(trick, pool, 3, rng).map((t) => t.name)], rng);
    items.push({ kind, cardId: card.cardId, trickSlug: trick.slug, prompt, choices, correct: trick.name });
  }
  return items;
}

/**
 * Diagnose: one question per symptom of the chosen tricks (in random order), the symptom in front
 * and four trick names to choose from. The question is the symptom's own diagnose card, so a
 * counted answer grades that card. A symptom with no possible distractor is left out.
 */
export function buildDiagnoseItems(chosen: readonly DiagnoseSymptom[], pool: readonly DiagnoseSymptom[], opts: Pick<BuildOptions, "seed" | "length">): BuiltItem[] {
  const rng = seededRng(opts.seed);
  const items: BuiltItem[] = [];
  for (const symptom of shuffle(chosen, rng)) {
    if (items.length >= opts.length) break;
    const wrong = pickDiagnoseDistractors(symptom, pool, 3, rng);
    if (wrong.length === 0) continue;
    items.push({
      kind: "diagnose",
      cardId: symptom.cardId,
      trickSlug: symptom.trick.slug,
      prompt: diagnosePrompt(symptom.text),
      choices: shuffle([symptom.trick.name, ...wrong.map((s) => s.trick.name)], rng),
      correct: symptom.trick.name,
    });
  }
  return items;
}
