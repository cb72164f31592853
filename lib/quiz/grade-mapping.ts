// How a quiz answer counts toward the FSRS schedule when the quiz is set to count:
// wrong -> Again, right -> Good, right but slow -> Hard.
export const SLOW_ANSWER_MS = { choice: 15_000, typed: 25_000 } as const;

export function quizGrade(correct: boolean, durationMs: number, kind: "choice" | "typed"): 1 | 2 | 3 {
  if (!correct) return 1;
  return durationMs > SLOW_ANSWER_MS[kind] ? 2 : 3;
}
