// Card-quality warnings for `npm run content:check` (issue 12, docs/CARDS.md): things a good card
// avoids but that are matters of judgement, so they are printed and counted, never fatal.
import { buildCards, type GeneratedCard } from "./cards";
import type { Trick } from "./parse";
import { contentWords } from "./text-overlap";

export const WARNING_RULES = ["long-answer", "two-questions", "no-when-card", "no-symptoms", "prompt-gives-away"] as const;
export type WarningRule = (typeof WARNING_RULES)[number];

export interface CardWarning {
  file: string;
  /** the card key, or the front-matter field for a warning about the whole entry */
  key: string;
  rule: WarningRule;
  message: string;
}

/** An answer a learner can grade honestly is a phrase or a sentence. */
export const LONG_ANSWER_WORDS = 25;
/** A prompt gives an answer away when it holds at least this share of the answer's content words... */
export const GIVE_AWAY_SHARE = 0.6;
/** ...and the answer has at least this many content words beyond the trick's name (shorter ones match by chance). */
export const GIVE_AWAY_MIN_WORDS = 4;

/** Architectures are things to recognise; every other area holds training tricks, which are applied. */
export const isTrainingTrick = (trick: Pick<Trick, "area">) => trick.area !== "architectures";

const wordsOf = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

export function cardWarnings(tricks: readonly Trick[]): CardWarning[] {
  const warnings: CardWarning[] = [];
  // the reference card is a citation, not something to phrase better
  const cardsOf = tricks.map((trick) => buildCards(trick).filter((c) => c.kind !== "reference"));
  const index = indexAnswers(tricks, cardsOf);
  tricks.forEach((trick, t) => {
    const warn = (key: string, rule: WarningRule, message: string) => warnings.push({ file: trick.file, key, rule, message });
    const cards = cardsOf[t];
    for (const card of cards) {
      const words = wordsOf(card.answer);
      if (words > LONG_ANSWER_WORDS) warn(card.key, "long-answer", `answer has ${words} words (over ${LONG_ANSWER_WORDS}): split it into one idea per card`);
    }
    for (const card of trick.cards) {
      const questionMarks = card.prompt.split("?").length - 1;
      if (questionMarks >= 2) warn(card.key, "two-questions", `prompt has ${questionMarks} question marks: ask one thing`);
      else if (/ and why\b/i.test(card.prompt)) warn(card.key, "two-questions", 'prompt asks "... and why": ask one thing per card');
    }
    if (isTrainingTrick(trick)) {
      if (!trick.cards.some((c) => c.kind === "when")) warn("cards", "no-when-card", 'training trick without a "when" card: add one ("in which situation would you reach for ...?")');
      if (trick.symptoms.length === 0) warn("symptoms", "no-symptoms", "training trick without symptoms: add 1-3 observations it fixes");
    }
    for (const w of giveAways(index, t, cards)) warn(w.key, "prompt-gives-away", w.message);
  });
  return warnings;
}

/** One answer of the catalogue, with its content words beyond its own trick's name. */
interface IndexedAnswer {
  trick: number;
  file: string;
  key: string;
  size: number;
}

/** Every answer's content words, computed once, and for each word the answers that hold it. */
interface AnswerIndex {
  answers: IndexedAnswer[];
  byWord: Map<string, number[]>;
}

/**
 * The trick's name (and aliases) are left out of an answer's words, since prompts name a trick on
 * purpose; a reverse card's answer is the name (with its citation), so it is not indexed at all;
 * nor are answers with fewer than GIVE_AWAY_MIN_WORDS remaining words ("fully connected layer"
 * meets a prompt's words by chance).
 */
function indexAnswers(tricks: readonly Trick[], cardsOf: readonly (readonly GeneratedCard[])[]): AnswerIndex {
  const answers: IndexedAnswer[] = [];
  const byWord = new Map<string, number[]>();
  tricks.forEach((trick, t) => {
    const nameWords = contentWords([trick.name, ...trick.aliases].join(" "));
    for (const card of cardsOf[t]) {
      if (card.kind === "reverse") continue;
      const words = [...contentWords(card.answer)].filter((w) => !nameWords.has(w));
      if (words.length < GIVE_AWAY_MIN_WORDS) continue;
      const id = answers.push({ trick: t, file: trick.file, key: card.key, size: words.length }) - 1;
      for (const w of words) {
        const list = byWord.get(w);
        if (list) list.push(id);
        else byWord.set(w, [id]);
      }
    }
  });
  return { answers, byWord };
}

/**
 * A prompt that contains most of another card's answer, from the same entry or any other one:
 * studying one card then answers the other. GIVE_AWAY_SHARE of the answer's indexed words must
 * appear in the prompt.
 */
function giveAways(index: AnswerIndex, trick: number, cards: readonly GeneratedCard[]): { key: string; message: string }[] {
  const found: { key: string; message: string }[] = [];
  for (const card of cards) {
    // how many of each answer's words this prompt holds
    const hits = new Map<number, number>();
    for (const w of contentWords(card.prompt)) for (const id of index.byWord.get(w) ?? []) hits.set(id, (hits.get(id) ?? 0) + 1);
    for (const [id, shared] of [...hits].sort((a, b) => a[0] - b[0])) {
      const other = index.answers[id];
      const share = shared / other.size;
      if (share < GIVE_AWAY_SHARE) continue;
      if (other.trick === trick) {
        if (other.key === card.key) continue;
        found.push({ key: card.key, message: `prompt contains ${Math.round(share * 100)}% of the answer of "${other.key}": rephrase one of them` });
      } else {
        found.push({ key: card.key, message: `prompt contains ${Math.round(share * 100)}% of the answer of "${other.key}" in ${other.file}: rephrase one of them` });
      }
    }
  }
  return found;
}

export const formatWarning = (w: CardWarning) => `${w.file}: ${w.key}: ${w.message} [${w.rule}]`;

/** "3 warning(s): long-answer 2, two-questions 1, ..." with every rule listed, zeros included. */
export function warningSummary(warnings: readonly CardWarning[]): string {
  const counts = WARNING_RULES.map((rule) => `${rule} ${warnings.filter((w) => w.rule === rule).length}`);
  return `${warnings.length} warning(s): ${counts.join(", ")}`;
}
