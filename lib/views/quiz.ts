// What the quiz screens show: plain data from server/quiz/* to the client components.
import type { ReviewCardView } from "./review";

export interface QuizItemView {
  position: number;
  kind: string;
  promptHtml: string;
  choices: string[];
  choicesHtml: string[];
  /** flashcards: the card as in review, with its grade intervals */
  card: ReviewCardView | null;
}

export interface QuizResults {
  correct: number;
  total: number;
  timeMs: number;
  perCategory: { name: string; correct: number; total: number }[];
  missed: { position: number; promptHtml: string; given: string; correct: string; trick: { slug: string; name: string } }[];
  missedCardIds: string[];
}

export interface QuizState {
  id: string;
  mode: string;
  style: string;
  countsTowardSchedule: boolean;
  categories: string[];
  total: number;
  answered: number;
  correctSoFar: number;
  finished: boolean;
  current: QuizItemView | null;
  results: QuizResults | null;
}

export interface AnswerFeedback {
  position: number;
  /** null: skipped (the card was removed), neither right nor wrong */
  isCorrect: boolean | null;
  given: string;
  correct: string;
  why: string;
  trick: { slug: string; name: string };
  /** Diagnose, answered wrong: the chosen trick and the symptom it addresses instead */
  whyNot: { name: string; symptom: string; because: string } | null;
  rating: number | null;
  finished: boolean;
}
