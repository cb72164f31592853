import type { Metadata } from "next";
import Link from "next/link";
import { LeechQuizForm } from "@/components/quiz/leech-quiz-form";
import { QuizSetupForm } from "@/components/quiz/quiz-setup-form";
import { requireSession } from "@/server/auth";
import { db } from "@/server/db";
import { getCatalogue } from "@/server/queries/catalogue";
import { leechCardIds } from "@/server/queries/leeches";
import { recentQuizzes } from "@/server/quiz/quiz-view";

export const metadata: Metadata = { title: "Quiz" };
export const dynamic = "force-dynamic";

export default async function QuizPage({ searchParams }: { searchParams: Promise<{ category?: string | string[]; source?: string }> }) {
  const { user, settings } = await requireSession("/quiz");
  const [catalogue, recent, params] = await Promise.all([getCatalogue(), recentQuizzes(db, user.id), searchParams]);
  const preselected = [params.category ?? []].flat();
  const leeches = (await leechCardIds(db, user.id, settings)).length;
  return (
    <div className="mx-auto max-w-3xl space-y-8">
      <div>
        <h1 className="text-3xl font-bold tracking-tight">Quiz yourself</h1>
        <p className="mt-1 text-slate-600 dark:text-slate-400">Drill one area before an interview or a reading group.</p>
      </div>
      {(leeches > 0 || params.source === "leeches") && <LeechQuizForm count={leeches} highlight={params.source === "leeches"} />}
      <QuizSetupForm
        preselected={preselected}
        areas={catalogue.map((a) => ({ name: a.name, categories: a.categories.map((c) => ({ slug: c.slug, name: c.name, tricks: c.tricks.length, cards: c.tricks.reduce((n, t) => n + t.cardCount, 0) })),
        }))}
      />
      {recent.length > 0 && (
        <section aria-labelledby="recent">
          <h2 id="recent" className="text-xl font-semibold">
            Recent quizzes
          </h2>
          <ul className="mt-3 divide-y divide-slate-200 dark:divide-slate-800">
            {recent.map((q) => (
              <li key={q.id} className="flex flex-wrap items-baseline justify-between gap-2 py-2 text-sm">
                <Link href={`/quiz/${q.id}`} className="link">
                  {q.categories.join(", ")}
                </Link>
                <span className="text-slate-600 dark:text-slate-400">
                  {q.mode.replace("-", " ")} · {q.finished ? `${q.correct}/${q.total} right` : `${q.answered}/${q.total} answered, resume`} ·{" "}
                  {q.startedAt.toISOString().slice(0, 10)}
                </span>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}
