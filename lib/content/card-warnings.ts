// Card-quality warnings for `npm run content:check` (issue 12, docs/CARDS.md): things a good card
// avoids but that are matters of judgement, so they are printed and counted, never fatal.
import { buildCards, type GeneratedCard } from "./cards";
import type { Trick } from "./parse";
import { contentWords, coveredShare } from "./text-overlap";

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
  for (const trick of tricks) {
    const warn = (key: string, rule: WarningRule, message: string) => warnings.push({ file: trick.file, key, rule, message });
    // the reference card is a citation, not something to phrase better
    const cards = buildCards(trick).filter((c) => c.kind !== "reference");
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
    for (const w of giveAways(trick, cards)) warn(w.key, "prompt-gives-away", w.message);
  }
  return warnings;
}

/**
 * A prompt that contains most of another card's answer: studying one card then answers the other.
 * The trick's name (and aliases) are left out of the answer's words, since prompts name the trick
 * on purpose; the remaining words must be at least GIVE_AWAY_MIN_WORDS (shorter answers such as
 * "fully connected layer" meet a prompt's words by chance), and GIVE_AWAY_SHARE of them must
 * appear in the prompt.
 */
function giveAways(trick: Trick, cards: readonly GeneratedCard[]): { key: string; message: string }[] {
  const nameWords = contentWords([trick.name, ...trick.aliases].join(" "));
  // a reverse card's answer is the name (with its citation), which other prompts name on purpose
  const answers = cards
    .filter((c) => c.kind !== "reverse")
    .map((c) => ({ card: c, words: new Set([...contentWords(c.answer)].filter((w) => !nameWords.has(w))) }));
  const found: { key: string; message: string }[] = [];
  for (const card of cards) {
    const promptWords = contentWords(card.prompt);
    for (const other of answers) {
      if (other.card.key === card.key || other.words.size < GIVE_AWAY_MIN_WORDS) continue;
      const share = coveredShare(other.words, promptWords);
      if (share >= GIVE_AWAY_SHARE) {
        found.push({ key: card.key, message: `prompt contains ${Math.round(share * 100)}% of the answer of "${other.card.key}": rephrase one of them` });
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
