"use server";

import { randomInt } from "node:crypto";
import { redirect } from "next/navigation";
import { createQuiz, createQuizSchema } from "@/server/quiz/create-quiz";
import { type FormState, toFormState } from "./form-state";
import { formToObject, userAction } from "./pipeline";

/** The setup form's fields, in the shape createQuizSchema parses. */
function decodeQuizForm(raw: unknown) {
  const f = formToObject(raw, ["categories", "cardKinds"]);
  const mode = String(f.mode ?? "");
  return {
    categories: f.categories,
    mode,
    style: (mode === "flashcards" ? f.order : f.style) ?? "mixed",
    length: f.length === "all" ? "all" : /^\d{1,3}$/.test(String(f.length ?? "")) ? Number(f.length) : f.length,
    countsTowardSchedule: f.countsTowardSchedule === "on",
    cardKinds: mode === "flashcards" ? f.cardKinds : [],
  };
}

export async function startQuiz(_prev: FormState, form: FormData): Promise<FormState> {
  const outcome = await userAction({ name: "start-quiz", schema: createQuizSchema, decode: decodeQuizForm }, form, async ({ input, user, db, now }) => {
    const id = await createQuiz(db, user.id, input, now, randomInt(2 ** 31));
    redirect(`/quiz/${id}`);
  });
  const state = toFormState(outcome);
  if (state.code === "invalid_input") state.error = "The quiz could not start: fix the choices marked below.";
  return state;
}
