import "server-only";
import { z } from "zod";
import { diagnoseAnswer, symptomOfCard } from "@/lib/content/diagnose";
import { asStringArray } from "@/lib/content/json-fields";
import { quizGrade } from "@/lib/quiz/grade-mapping";
import { GRADE_NAMES, MAX_ANSWER_MS } from "@/lib/srs/grades";
import { isAcceptedAnswer } from "@/lib/quiz/normalise";
import type { StudySettings } from "@/lib/srs/settings";
import type { PrismaClient } from "@/prisma/client";
import { isUniqueViolation, ReviewError } from "@/server/review/errors";
import { applyReview, type Tx } from "@/server/review/grade";
import type { AnswerFeedback } from "@/lib/views/quiz";
import { QuizError, quizError } from "./errors";

export type { AnswerFeedback };

export const answerSchema = z.object({ // the domain's own check (the action parses first)
  attemptId: z.string().min(1).max(100),
  position: z.number().int().min(0).max(10_000),
  /** multiple choice: the index of the choice; typed: the text; flashcards: the grade 1-4 */
  answer: z.union([z.number().int().min(0).max(4), z.string().max(200, "Answers can be at most 200 characters")]),
  durationMs: z.number().min(0).max(86_400_000),
});

export type AnswerInput = z.output<typeof answerSchema>;



/**
 * Answers the current item of one of the user's quizzes, in one transaction. Refused, with nothing
 * changed: another user's or an unknown quiz, a finished quiz, an item that is not the current one
 * (or was already answered), a malformed answer.
 */
export async function answerQuizItem(db: PrismaClient, userId: string, input: AnswerInput, now: Date, settings: StudySettings): Promise<AnswerFeedback> {
  try {
    return await db.$transaction(async (tx) => {
      const attempt = await tx.quizAttempt.findFirst({ where: { id: input.attemptId, userId }, select: { id: true, finishedAt: true, countsTowardSchedule: true, startedAt: true } });
      if (!attempt) throw quizError("not_found");
      if (attempt.finishedAt) throw quizError("finished");
      const current = await tx.quizItem.findFirst({
        where: { attemptId: attempt.id, answeredAt: null },
        orderBy: { position: "asc" },
        include: { card: { include: { trick: true } } },
      });
      if (!current || current.position !== input.position) throw quizError("not_current");

      // time on the question as the server saw it: from when it was served (the previous answer,
      // or the quiz's start) to now. The client's own figure can only lower it, never raise it.
      const previous = await tx.quizItem.findFirst({ where: { attemptId: attempt.id, answeredAt: { not: null } }, orderBy: { answeredAt: "desc" }, select: { answeredAt: true } });
      const servedAt = previous?.answeredAt ?? attempt.startedAt;
      const serverMs = Math.min(MAX_ANSWER_MS, Math.max(0, now.getTime() - servedAt.getTime()));
      const durationMs = Math.round(Math.min(serverMs, Math.max(0, input.durationMs)));

      const trick = current.card.trick;
      // a card removed from the catalogue since the quiz began can only be skipped: not scored, not graded
      const skipped = current.kind === "flashcard" && !!current.card.archivedAt;
      const choices = asStringArray(current.choices);
      let given: string;
      let isCorrect: boolean | null;
      let rating: 1 | 2 | 3 | 4 | null = null;
      if (skipped) {
        given = "Skipped (the card was removed)";
        isCorrect = null;
      } else if (current.kind === "flashcard") {
        if (typeof input.answer !== "number" || input.answer < 1 || input.answer > 4) throw new QuizError("invalid_answer", "Grade with 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).");
        rating = input.answer as 1 | 2 | 3 | 4;
        given = GRADE_NAMES[rating];
        isCorrect = rating > 1;
      } else if (current.kind === "typed") {
        if (typeof input.answer !== "string") throw new QuizError("invalid_answer", "Type the name of the trick.");
        given = input.answer.trim();
        isCorrect = isAcceptedAnswer(given, trick.name, asStringArray(trick.aliases));
      } else {
        if (typeof input.answer !== "number" || input.answer >= choices.length) throw new QuizError("invalid_answer", "Pick one of the four choices.");
        given = choices[input.answer];
        isCorrect = given === current.correct;
      }
      if (current.kind !== "flashcard" && attempt.countsTowardSchedule) rating = quizGrade(isCorrect === true, serverMs, current.kind === "typed" ? "typed" : "choice");

      // a card removed from the catalogue (or suspended) since the quiz began is answered, not graded
      if (rating !== null) {
        const state = current.card.archivedAt ? null : await tx.cardState.findUnique({ where: { userId_cardId: { userId, cardId: current.cardId } }, select: { version: true, suspended: true } });
        if (current.card.archivedAt || state?.suspended) rating = null;
        else {
          // flashcards are reviews (logged as cram when the card is not due yet); other answers are quiz grades
          const source = current.kind === "flashcard" ? "review" : "quiz";
          await applyReview(tx, userId, { cardId: current.cardId, expectedVersion: state?.version ?? 0, rating, durationMs, source }, now, settings);
        }
      }

      // claim the item: a concurrent second answer finds it answered and changes nothing (the
      // whole transaction, grade included, rolls back)
      const claimed = await tx.quizItem.updateMany({
        where: { id: current.id, answeredAt: null },
        data: { given, isCorrect, rating, answeredAt: now, durationMs },
      });
      if (claimed.count !== 1) throw quizError("already_answered");

      const diagnosis = current.kind === "diagnose" ? symptomOfCard(current.card) : null;
      const whyNot = current.kind === "diagnose" && !isCorrect ? await symptomOfTrickNamed(tx, given) : null;
      const left = await tx.quizItem.count({ where: { attemptId: attempt.id, answeredAt: null } });
      if (left === 0) await tx.quizAttempt.update({ where: { id: attempt.id }, data: { finishedAt: now } });
      return {
        position: current.position,
        isCorrect,
        given,
        correct: current.kind === "flashcard" ? "" : current.correct,
        why: diagnosis?.because ?? trick.summary,
        trick: { slug: trick.slug, name: trick.name },
        whyNot,
        rating,
        finished: left === 0,
      };
    });
  } catch (err) {
    if (err instanceof ReviewError) throw new QuizError("conflict", err.message);
    if (isUniqueViolation(err)) throw quizError("conflict");
    throw err;
  }
}

/**
 * The first symptom of the live trick with this name (the one its Diagnose distractor was chosen
 * for): a diagnose card's answer starts with the trick's name in bold.
 */
async function symptomOfTrickNamed(tx: Tx, name: string): Promise<AnswerFeedback["whyNot"]> {
  const card = await tx.card.findFirst({
    where: { kind: "diagnose", archivedAt: null, trick: { archivedAt: null, name }, answer: { startsWith: diagnoseAnswer(name, "") } },
    orderBy: [{ trick: { category: { position: "asc" } } }, { trick: { position: "asc" } }, { position: "asc" }],
  });
  const symptom = card && symptomOfCard(card);
  return symptom ? { name, symptom: symptom.text, because: symptom.because } : null;
}
