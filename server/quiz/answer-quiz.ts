import "server-only";
import { z } from "zod";
import { diagnoseAnswer, symptomOfCard } from "@/lib/content/diagnose";
import { asStringArray } from "@/lib/content/json-fields";
import { quizGrade } from "@/lib/quiz/grade-mapping";
import { GRADE_NAMES } from "@/lib/srs/grades";
import { isAcceptedAnswer } from "@/lib/quiz/normalise";
import type { StudySettings } from "@/lib/srs/settings";
import type { PrismaClient } from "@/prisma/client";
import { isUniqueViolation, ReviewError } from "@/server/review/errors";
import { applyReview, type Tx } from "@/server/review/grade";
import { QuizError } from "./errors";

export const answerSchema = z.object({
  attemptId: z.string().min(1).max(100),
  position: z.number().int().min(0).max(10_000),
  /** multiple choice: the index of the choice; typed: the text; flashcards: the grade 1-4 */
  answer: z.union([z.number().int().min(0).max(4), z.string().max(200, "Answers can be at most 200 characters")]),
  durationMs: z.number().min(0).max(86_400_000),
});

export type AnswerInput = z.output<typeof answerSchema>;

export interface AnswerFeedback {
  position: number;
  isCorrect: boolean;
  given: string;
  correct: string;
  why: string;
  trick: { slug: string; name: string };
  /** Diagnose, answered wrong: the chosen trick and the symptom it addresses instead */
  whyNot: { name: string; symptom: string; because: string } | null;
  rating: number | null;
  finished: boolean;
}


/**
 * Answers the current item of one of the user's quizzes, in one transaction. Refused, with nothing
 * changed: another user's or an unknown quiz, a finished quiz, an item that is not the current one
 * (or was already answered), a malformed answer.
 */
export async function answerQuizItem(db: PrismaClient, userId: string, input: AnswerInput, now: Date, settings: StudySettings): Promise<AnswerFeedback> {
  try {
    return await db.$transaction(async (tx) => {
      const attempt = await tx.quizAttempt.findFirst({ where: { id: input.attemptId, userId }, select: { id: true, finishedAt: true, countsTowardSchedule: true } });
      if (!attempt) throw new QuizError("That quiz was not found.");
      if (attempt.finishedAt) throw new QuizError("This quiz is already finished.");
      const current = await tx.quizItem.findFirst({
        where: { attemptId: attempt.id, answeredAt: null },
        orderBy: { position: "asc" },
        include: { card: { include: { trick: true } } },
      });
      if (!current || current.position !== input.position) throw new QuizError("That question is not the current one (it was probably answered already). Here is where you are.");

      const trick = current.card.trick;
      const choices = asStringArray(current.choices);
      let given: string;
      let isCorrect: boolean;
      let rating: 1 | 2 | 3 | 4 | null = null;
      if (current.kind === "flashcard") {
        if (typeof input.answer !== "number" || input.answer < 1 || input.answer > 4) throw new QuizError("Grade with 1 (Again), 2 (Hard), 3 (Good) or 4 (Easy).");
        rating = input.answer as 1 | 2 | 3 | 4;
        given = GRADE_NAMES[rating];
        isCorrect = rating > 1;
      } else if (current.kind === "typed") {
        if (typeof input.answer !== "string") throw new QuizError("Type the name of the trick.");
        given = input.answer.trim();
        isCorrect = isAcceptedAnswer(given, trick.name, asStringArray(trick.aliases));
      } else {
        if (typeof input.answer !== "number" || input.answer >= choices.length) throw new QuizError("Pick one of the four choices.");
        given = choices[input.answer];
        isCorrect = given === current.correct;
      }
      if (current.kind !== "flashcard" && attempt.countsTowardSchedule) rating = quizGrade(isCorrect, input.durationMs, current.kind === "typed" ? "typed" : "choice");

      // claim the item first: a concurrent second answer finds it answered and changes nothing
      const claimed = await tx.quizItem.updateMany({
        where: { id: current.id, answeredAt: null },
        data: { given, isCorrect, rating, answeredAt: now, durationMs: Math.round(input.durationMs) },
      });
      if (claimed.count !== 1) throw new QuizError("That question was already answered.");

      // a card removed from the catalogue (or suspended) since the quiz began is answered, not graded
      if (rating !== null && !current.card.archivedAt) {
        const state = await tx.cardState.findUnique({ where: { userId_cardId: { userId, cardId: current.cardId } }, select: { version: true, suspended: true } });
        if (!state?.suspended) {
          // flashcards are reviews (logged as cram when the card is not due yet); other answers are quiz grades
          const source = current.kind === "flashcard" ? "review" : "quiz";
          await applyReview(tx, userId, { cardId: current.cardId, expectedVersion: state?.version ?? 0, rating, durationMs: input.durationMs, source }, now, settings);
        }
      }
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
    if (err instanceof ReviewError) throw new QuizError(err.message);
    if (isUniqueViolation(err)) throw new QuizError("That card was graded at the same moment elsewhere; nothing was changed.");
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
