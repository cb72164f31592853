// The four FSRS grades as people see them, and the cap on time per answer (shared by review and quiz).
export const GRADE_NAMES = { 1: "Again", 2: "Hard", 3: "Good", 4: "Easy" } as const;
export type GradeNumber = keyof typeof GRADE_NAMES;

/** Time on one card is capped (like Anki) so a card left open over lunch does not skew statistics. */
export const MAX_ANSWER_MS = 5 * 60_000;

export const answerDuration = (shownAt: number, now: number) => Math.min(MAX_ANSWER_MS, Math.max(0, now - shownAt));
