"use server";

import { z } from "zod";
import { MAX_ANSWER_MS } from "@/lib/srs/grades";
import { answerQuizItem } from "@/server/quiz/answer-quiz";
import { quizState } from "@/server/quiz/quiz-view";
import { loadStudySettings } from "@/server/review/study-settings";
import type { AnswerFeedback } from "@/server/quiz/answer-quiz";
import type { QuizState } from "@/server/quiz/quiz-view";
import { userAction } from "./pipeline";

export type AnswerResult = { ok: true; feedback: AnswerFeedback; state: QuizState } | { ok: false; error: string; code: string; state: QuizState | null };

const input = z
  .object({
    attemptId: z.string().min(1).max(100),
    position: z.number().int().min(0).max(10_000),
    /** multiple choice: the index of the choice; typed: the text; flashcards: the grade 1-4 */
    answer: z.union([z.number().int().min(0).max(4), z.string().max(200, "Answers can be at most 200 characters")]),
    durationMs: z.number().finite().min(0),
  })
  .strict();

/** Answers the current question and returns the feedback with the quiz's next state (one round trip). */
export async function answerQuiz(raw: z.input<typeof input>): Promise<AnswerResult> {
  const outcome = await userAction({ name: "answer-quiz", schema: input }, raw, async ({ input, user, db, now }) => {
    const settings = await loadStudySettings(db, user.id);
    const feedback = await answerQuizItem(db, user.id, { ...input, durationMs: Math.min(input.durationMs, MAX_ANSWER_MS) }, now, settings);
    return { feedback, state: (await quizState(db, user.id, input.attemptId, settings, new Date()))! };
  });
  if (outcome.ok) return { ok: true, ...outcome.value };
  // a refused answer returns where the quiz stands, so the page can move on
  const attemptId = typeof (raw as { attemptId?: unknown })?.attemptId === "string" ? (raw as { attemptId: string }).attemptId.slice(0, 100) : "";
  const state = outcome.user && attemptId ? await currentQuizState(outcome.user.id, attemptId) : null;
  return { ok: false, error: outcome.failure.message, code: outcome.failure.code, state };
}

async function currentQuizState(userId: string, attemptId: string): Promise<QuizState | null> {
  const outcome = await userAction({ name: "quiz-state", schema: z.unknown() }, null, async ({ db, now }) => quizState(db, userId, attemptId, await loadStudySettings(db, userId), now));
  return outcome.ok ? outcome.value : null;
}
