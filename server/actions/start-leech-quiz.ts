"use server";

import { randomInt } from "node:crypto";
import { redirect } from "next/navigation";
import { leechQuiz, leechQuizSchema } from "@/server/quiz/leech-quiz";
import { type FormState, toFormState } from "./form-state";
import { formToObject, userAction } from "./pipeline";

/** Starts a quiz on the user's leeches in the chosen mode. */
export async function startLeechQuiz(_prev: FormState, form: FormData): Promise<FormState> {
  const outcome = await userAction({ name: "start-leech-quiz", schema: leechQuizSchema, decode: (raw) => formToObject(raw) }, form, async ({ input, user, db, now }) => {
    const id = await leechQuiz(db, user.id, input.mode, now, randomInt(2 ** 31));
    redirect(`/quiz/${id}`);
  });
  return toFormState(outcome);
}
