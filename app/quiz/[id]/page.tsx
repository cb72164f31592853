import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { QuizResults } from "@/components/quiz/quiz-results";
import { QuizRunner } from "@/components/quiz/quiz-runner";
import { requireSession } from "@/server/auth";
import { db } from "@/server/db";
import { quizState } from "@/server/quiz/quiz-view";

export const metadata: Metadata = { title: "Quiz" };
export const dynamic = "force-dynamic";

const MODE_NAMES: Record<string, string> = { "multiple-choice": "Multiple choice", typed: "Typed recall", flashcards: "Flashcards", diagnose: "Diagnose" };

export default async function QuizAttemptPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const { user, settings } = await requireSession(`/quiz/${id}`);
  // scoped by user: another user's quiz id is simply not found
  const state = await quizState(db, user.id, id, settings, new Date());
  if (!state) notFound();
  return (
    <div className="mx-auto max-w-3xl">
      <h1 className="text-3xl font-bold tracking-tight">{state.finished ? "Quiz results" : MODE_NAMES[state.mode]}</h1>
      <p className="mb-6 mt-1 text-slate-600 dark:text-slate-400">{state.categories.join(", ")}</p>
      {state.finished ? <QuizResults state={state} /> : <QuizRunner initial={state} />}
    </div>
  );
}
