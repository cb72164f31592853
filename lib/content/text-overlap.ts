// Word overlap between two texts, for the content warnings (a prompt that repeats another card's
// answer) and for the Diagnose quiz (two symptoms that say the same thing). Pure and small on
// purpose: a bag of content words, no stemming library, so the thresholds are easy to reason about.

/** Function words and question words: they carry no content, so they never count as overlap. */
const STOP_WORDS = new Set(
  (
    "a an the and or but nor so yet of in on at to for from by with without into onto over under about as than then " +
    "is are was were be been being am do does did done doing has have had having can could may might must shall should will would " +
    "it its it's this that these those there here their them they he she his her we our you your i me my " +
    "what which who whom whose when where why how whether if not no yes all any each every both either neither some such " +
    "more most less least very too also just only own same other another one ones " +
    "after before during while until up down out off again further once per via et al"
  ).split(" "),
);

/** Lower case, accents and Markdown stripped, plural "s" dropped: "Gradients," and "gradient" match. */
function normaliseWord(word: string): string {
  if (word.length > 3 && word.endsWith("s") && !word.endsWith("ss")) return word.slice(0, -1);
  return word;
}

/** The set of content words of a text: tokens of letters and digits, at least 2 characters, no stop words, no math. */
export function contentWords(text: string): Set<string> {
  const tokens = text
    // formulas are symbols (\gamma, \sigma) that many cards of one trick share by necessity
    .replace(/\$\$[\s\S]*?\$\$|\$[^$]*\$/g, " ")
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .match(/[a-z0-9]+/g);
  const words = new Set<string>();
  for (const token of tokens ?? []) {
    if (token.length < 2 || STOP_WORDS.has(token)) continue;
    words.add(normaliseWord(token));
  }
  return words;
}

/** Share of `of` (0-1) that also appears in `within`; 0 when `of` is empty. */
export function coveredShare(of: ReadonlySet<string>, within: ReadonlySet<string>): number {
  if (of.size === 0) return 0;
  let shared = 0;
  for (const w of of) if (within.has(w)) shared++;
  return shared / of.size;
}

/** Jaccard similarity of two word sets (0-1); 0 when both are empty. */
export function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const union = new Set([...a, ...b]).size;
  if (union === 0) return 0;
  return coveredShare(a, b) * (a.size / union);
}

/** Two symptoms at or above this Jaccard similarity describe the same observation. */
export const NEAR_IDENTICAL_SYMPTOM = 0.6;

export const nearIdentical = (a: string, b: string) => jaccard(contentWords(a), contentWords(b)) >= NEAR_IDENTICAL_SYMPTOM;
