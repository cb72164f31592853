"use server";

import { randomInt } from "node:crypto";
import { redirect } from "next/navigation";
import { z } from "zod";
import { reviewMissedQuiz } from "@/server/quiz/create-quiz";
import { formToObject, userAction } from "./pipeline";

const input = z.object({ attemptId: z.string().min(1).max(100) }).strip();

/** Starts a flashcards session (counted, as in review) on the cards missed in a finished quiz. */
export async function reviewMissed(form: FormData): Promise<void> {
  const outcome = await userAction({ name: "review-missed", schema: input, decode: (raw) => formToObject(raw) }, form, async ({ input, user, db, now }) => {
    const id = await reviewMissedQuiz(db, user.id, input.attemptId, now, randomInt(2 ** 31));
    redirect(id ? `/quiz/${id}` : "/quiz");
  });
  // refused: signed out goes to sign-in; anything else back to the quiz page
  redirect(!outcome.ok && outcome.failure.code === "unauthenticated" ? "/signin?next=/quiz" : "/quiz");
}
