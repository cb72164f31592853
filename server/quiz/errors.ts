// Refusals of the quiz, typed by code (see lib/app-error.ts).
import { AppError } from "@/lib/app-error";

export type QuizErrorCode =
  | "unknown_category"
  | "no_cards"
  | "too_many_quizzes"
  | "not_found"
  | "finished"
  | "not_current"
  | "already_answered"
  | "invalid_answer"
  | "conflict";

export class QuizError extends AppError<QuizErrorCode> {}

const MESSAGES: Record<Exclude<QuizErrorCode, "unknown_category" | "invalid_answer" | "too_many_quizzes">, string> = {
  no_cards: "No cards match these choices. Pick more categories or card kinds.",
  not_found: "That quiz was not found.",
  finished: "This quiz is already finished.",
  not_current: "That question is not the current one (it was probably answered already). Here is where you are.",
  already_answered: "That question was already answered.",
  conflict: "That card was graded at the same moment elsewhere; nothing was changed.",
};

export const quizError = (code: keyof typeof MESSAGES) => new QuizError(code, MESSAGES[code]);
