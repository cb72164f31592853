// The text of a generated `diagnose` card, in one place: cards.ts writes it, and the trick page
// and the Diagnose quiz read the symptom back from the stored Card row (nothing else is stored).
const PROMPT_START = "You see this in training: *";
const PROMPT_END = "* Which trick do you reach for?";

export const diagnosePrompt = (symptom: string) => `${PROMPT_START}${symptom}${PROMPT_END}`;
export const diagnoseAnswer = (name: string, because: string) => `**${name}**: ${because}`;

export interface SymptomOfCard {
  cardId: string;
  /** the observation, as written in the content file */
  text: string;
  /** why the trick addresses it */
  because: string;
}

/** The symptom and reason of a diagnose card; null when the card is not in the generated form. */
export function symptomOfCard(card: { id: string; kind: string; prompt: string; answer: string }): SymptomOfCard | null {
  if (card.kind !== "diagnose" || !card.prompt.startsWith(PROMPT_START) || !card.prompt.endsWith(PROMPT_END)) return null;
  const text = card.prompt.slice(PROMPT_START.length, card.prompt.length - PROMPT_END.length);
  const split = card.answer.match(/^\*\*[\s\S]+?\*\*: ([\s\S]+)$/);
  if (!text || !split) return null;
  return { cardId: card.id, text, because: split[1] };
}

/** The symptoms of a trick, in card order, from its cards. */
export const symptomsOfCards = (cards: readonly { id: string; kind: string; prompt: string; answer: string }[]) =>
  cards.map(symptomOfCard).filter((s): s is SymptomOfCard => s !== null);
