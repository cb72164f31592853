// Leeches: cards the learner keeps forgetting (Anki's term). A card is a leech while its stored
// lapse count is at or above the user's threshold; nothing else is stored, so the flag can never
// drift from the schedule (undo a lapse and the card stops being a leech).

export const LEECH_ACTIONS = ["flag", "suspend"] as const;
export type LeechAction = (typeof LEECH_ACTIONS)[number];

/** Anki's default: 8 lapses. */
export const DEFAULT_LEECH_THRESHOLD = 8;
export const MIN_LEECH_THRESHOLD = 2;
export const MAX_LEECH_THRESHOLD = 99;

export const isLeech = (lapses: number, threshold: number) => lapses >= threshold;

/** The warning comes at half the threshold (4 of 8), rounded up so it always precedes the leech. */
export const leechWarningAt = (threshold: number) => Math.max(1, Math.ceil(threshold / 2));

export type LeechChange = "leech" | "warning" | null;

/**
 * What one grade did, from the lapses before and after it: it made the card a leech, it crossed
 * the half-way warning, or neither. Only a crossing counts, so a leech lapsing again is not
 * announced twice, and a grade that does not lapse never is.
 */
export function leechChange(lapsesBefore: number, lapsesAfter: number, threshold: number): LeechChange {
  if (!isLeech(lapsesBefore, threshold) && isLeech(lapsesAfter, threshold)) return "leech";
  const warnAt = leechWarningAt(threshold);
  if (warnAt < threshold && lapsesBefore < warnAt && lapsesAfter >= warnAt) return "warning";
  return null;
}

/** What a grade tells the learner about leeches, for the review screen. */
export interface LeechNotice {
  kind: "leech" | "leech-warning";
  cardId: string;
  trickSlug: string;
  trickName: string;
  lapses: number;
  threshold: number;
  /** the leech rule suspended the card in the same transaction */
  suspended: boolean;
  /** the trick page, at the section this card tests (what, why or when) */
  href: string;
}

/** The trick-page section to re-read for a card: its own (why, when) where the trick has one, else what. */
export function trickSection(cardKind: string, trick: { why: string | null; when: string | null }): "what" | "why" | "when" {
  if (cardKind === "why" && trick.why) return "why";
  if (cardKind === "when" && trick.when) return "when";
  return "what";
}
