// Generates the study cards of a trick. A card's id, "<slug>/<key>", never changes, so editing a
// card's text updates it in place and review history stays attached.
import { createHash } from "node:crypto";
import { diagnoseAnswer, diagnosePrompt } from "./diagnose";
import type { Trick } from "./parse";
import { CLOZE_GAP, type CardKind, type Reference } from "./schema";

export interface GeneratedCard {
  id: string;
  trickSlug: string;
  key: string;
  kind: CardKind;
  prompt: string;
  answer: string;
  position: number;
  contentHash: string;
}

export const cardId = (slug: string, key: string) => `${slug}/${key}`;

export const hashOf = (value: unknown) => createHash("sha256").update(JSON.stringify(value)).digest("hex").slice(0, 32);

type KnownReference = Reference & { title: string; authors: string[]; year: number };

export function mainReference(trick: Pick<Trick, "references">): KnownReference | undefined {
  return trick.references.find((r): r is KnownReference => !r.unknown && !!r.title && !!r.authors?.length && !!r.year);
}

export function formatCitation(ref: KnownReference): string {
  const first = ref.authors[0];
  const authors = ref.authors.length === 1 ? first : ref.authors.length === 2 ? `${first} and ${ref.authors[1]}` : `${first} et al.`;
  const title = ref.url ? `[*${ref.title}*](${ref.url})` : `*${ref.title}*`;
  return `${title}, ${authors}, ${ref.year}`;
}

export function buildCards(trick: Trick): GeneratedCard[] {
  const cards = trick.cards.map((c) => ({ key: c.key, kind: c.kind as CardKind, prompt: c.prompt, answer: c.answer }));
  // each symptom becomes a "diagnose" card: the observation in front, the trick and the reason behind
  for (const sym of trick.symptoms) {
    cards.push({
      key: `symptom-${sym.key}`,
      kind: "diagnose",
      prompt: diagnosePrompt(sym.text),
      answer: diagnoseAnswer(trick.name, sym.because),
    });
  }
  const ref = mainReference(trick);
  if (ref) {
    cards.push({
      key: "reference",
      kind: "reference",
      prompt: `Which paper is the main reference for **${trick.name}**? Give its title, first author and year.`,
      answer: formatCitation(ref),
    });
  }
  return cards.map((c, position) => ({
    id: cardId(trick.slug, c.key),
    trickSlug: trick.slug,
    ...c,
    position,
    contentHash: hashOf([c.kind, c.prompt, c.answer, position]),
  }));
}

/** The question side of a cloze card: the gap shown as a blank. */
export const clozeFront = (prompt: string) => prompt.replace(CLOZE_GAP, "**[ … ]**");

/** The answer side of a cloze card: the sentence with the gap filled and marked. */
export const clozeBack = (prompt: string, answer: string) => prompt.replace(CLOZE_GAP, `**${answer}**`);

/** What a learner sees on each side of a card, as Markdown. */
export function cardFaces(card: { kind: string; prompt: string; answer: string }): { front: string; back: string } {
  return card.kind === "cloze" ? { front: clozeFront(card.prompt), back: clozeBack(card.prompt, card.answer) } : { front: card.prompt, back: card.answer };
}

export { CARD_KIND_LABELS } from "./card-kind-labels";
