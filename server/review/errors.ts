// Refusals the review actions return to the UI, typed by code.
import { AppError } from "@/lib/app-error";

export type ReviewErrorCode = "not_found" | "stale" | "suspended" | "nothing_to_undo" | "invalid";

export class ReviewError extends AppError<ReviewErrorCode> {}

export const MESSAGES: Record<ReviewErrorCode, string> = {
  not_found: "That card was not found.",
  stale: "This card was already graded (a double click or another tab), so nothing was changed. Here is your next card.",
  suspended: "This card is suspended.",
  nothing_to_undo: "There is nothing to undo.",
  invalid: "That request was not valid.",
};

export const reviewError = (code: ReviewErrorCode) => new ReviewError(code, MESSAGES[code]);

export const isUniqueViolation = (err: unknown) => (err as { code?: string })?.code === "P2002";
