"use server";

import { randomInt } from "node:crypto";
import { redirect } from "next/navigation";
import { currentUser } from "@/server/auth";
import { db } from "@/server/db";
import { createQuiz, createQuizSchema } from "@/server/quiz/create-quiz";
import { QuizError } from "@/server/quiz/errors";
import { fieldErrorsOf, type FormState } from "./form-state";

export async function startQuiz(_prev: FormState, form: FormData): Promise<FormState> {
  const user = await currentUser();
  if (!user) return { error: "Your session has ended. Sign in again." };
  const mode = String(form.get("mode") ?? "");
  const length = String(form.get("length") ?? "");
  const parsed = createQuizSchema.safeParse({
    categories: form.getAll("categories").map(String),
    mode,
    style: String(form.get(mode === "flashcards" ? "order" : "style") ?? "mixed"),
    length: length === "all" ? "all" : Number(length),
    countsTowardSchedule: form.get("countsTowardSchedule") === "on",
    cardKinds: mode === "flashcards" ? form.getAll("cardKinds").map(String) : [],
  });
  if (!parsed.success) return { error: "The quiz could not start: fix the choices marked below.", fieldErrors: fieldErrorsOf(parsed.error.issues) };
  let id: string;
  try {
    id = await createQuiz(db, user.id, parsed.data, new Date(), randomInt(2 ** 31));
  } catch (err) {
    if (err instanceof QuizError) return { error: err.message };
    throw err;
  }
  redirect(`/quiz/${id}`);
}
