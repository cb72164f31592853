// What each card kind is called on screen. Pure data with no runtime imports, so client
// components (the quiz setup form) can use it without pulling in cards.ts (node:crypto) or the
// zod content schema.
import type { CardKind } from "./schema";

export const CARD_KIND_LABELS: Record<CardKind, string> = {
  what: "What",
  why: "Why",
  when: "When",
  reverse: "Name it",
  cloze: "Fill in",
  fact: "Fact",
  reference: "Paper",
  diagnose: "Diagnose",
};
