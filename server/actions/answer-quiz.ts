"use server";

import { currentUser } from "@/server/auth";
import { db } from "@/server/db";
import { answerQuizItem, answerSchema, type AnswerFeedback } from "@/server/quiz/answer-quiz";
import { QuizError } from "@/server/quiz/errors";
import { quizState, type QuizState } from "@/server/quiz/quiz-view";
import { loadStudySettings } from "@/server/review/study-settings";

export type AnswerResult = { ok: true; feedback: AnswerFeedback; state: QuizState } | { ok: false; error: string; state: QuizState | null };

/** Answers the current question and returns the feedback with the quiz's next state (one round trip). */
export async function answerQuiz(raw: unknown): Promise<AnswerResult> {
  const user = await currentUser();
  if (!user) return { ok: false, error: "Your session has ended. Sign in again.", state: null };
  const settings = await loadStudySettings(db, user.id);
  const parsed = answerSchema.safeParse(raw);
  const attemptId = typeof (raw as { attemptId?: unknown })?.attemptId === "string" ? (raw as { attemptId: string }).attemptId : "";
  const stateNow = () => quizState(db, user.id, attemptId, settings, new Date());
  if (!parsed.success) return { ok: false, error: `Invalid answer: ${parsed.error.issues[0]?.message ?? "bad input"}.`, state: await stateNow() };
  try {
    const feedback = await answerQuizItem(db, user.id, parsed.data, new Date(), settings);
    return { ok: true, feedback, state: (await stateNow())! };
  } catch (err) {
    if (err instanceof QuizError) return { ok: false, error: err.message, state: await stateNow() };
    throw err;
  }
}
