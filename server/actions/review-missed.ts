"use server";

import { randomInt } from "node:crypto";
import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth";
import { db } from "@/server/db";
import { attemptCategories, createQuiz } from "@/server/quiz/create-quiz";
import { QuizError } from "@/server/quiz/errors";

/** Starts a flashcards session (counted, as in review) on the cards missed in a finished quiz. */
export async function reviewMissed(form: FormData): Promise<void> {
  const user = await currentUser();
  if (!user) redirect("/signin?next=/quiz");
  const attempt = await db.quizAttempt.findFirst({
    where: { id: String(form.get("attemptId") ?? ""), userId: user.id },
    include: { items: { where: { isCorrect: false }, select: { cardId: true } } },
  });
  if (!attempt || attempt.items.length === 0) redirect("/quiz");
  let id: string;
  try {
    id = await createQuiz(
      db,
      user.id,
      { categories: attemptCategories(attempt.categories), mode: "flashcards", style: "due-first", length: "all", countsTowardSchedule: true, cardKinds: [], cardIds: attempt.items.map((i) => i.cardId) },
      new Date(),
      randomInt(2 ** 31),
    );
  } catch (err) {
    // every missed card was suspended or removed since: nothing left to review
    if (err instanceof QuizError) redirect("/quiz");
    throw err;
  }
  redirect(`/quiz/${id}`);
}
