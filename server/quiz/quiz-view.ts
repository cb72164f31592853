import "server-only";
import { asStringArray } from "@/lib/content/json-fields";
import { renderMarkdown } from "@/lib/content/render-markdown";
import type { StudySettings } from "@/lib/srs/settings";
import type { PrismaClient } from "@/prisma/client";
import type { QuizItemView, QuizResults, QuizState } from "@/lib/views/quiz";
import { cardView } from "@/server/review/view";

export type { QuizItemView, QuizResults, QuizState };




/** A quiz of this user (null for anyone else's): where it stands, the current item or the results. */
export async function quizState(db: PrismaClient, userId: string, attemptId: string, settings: StudySettings, now: Date): Promise<QuizState | null> {
  const attempt = await db.quizAttempt.findFirst({
    where: { id: attemptId, userId },
    include: { items: { orderBy: { position: "asc" }, include: { card: { select: { trick: { select: { slug: true, name: true, category: { select: { name: true } } } } } } } } },
  });
  if (!attempt) return null;
  const categoryNames = new Map((await db.category.findMany({ select: { slug: true, name: true } })).map((c) => [c.slug, c.name]));
  const answered = attempt.items.filter((i) => i.answeredAt);
  const currentItem = attempt.items.find((i) => !i.answeredAt) ?? null;
  let current: QuizItemView | null = null;
  if (currentItem) {
    const isFlash = currentItem.kind === "flashcard";
    current = {
      position: currentItem.position,
      kind: currentItem.kind,
      promptHtml: isFlash ? "" : renderMarkdown(currentItem.prompt),
      choices: asStringArray(currentItem.choices),
      choicesHtml: asStringArray(currentItem.choices).map((c) => renderMarkdown(c)),
      card: isFlash ? await cardView(db, userId, currentItem.cardId, settings, now) : null,
    };
  }
  let results: QuizResults | null = null;
  if (attempt.finishedAt) {
    const perCategory = new Map<string, { name: string; correct: number; total: number }>();
    // a skipped item (its card was removed mid-quiz) is neither right nor wrong: it is not scored
    const scored = attempt.items.filter((i) => i.isCorrect !== null);
    for (const item of scored) {
      const name = item.card.trick.category.name;
      const row = perCategory.get(name) ?? { name, correct: 0, total: 0 };
      row.total++;
      if (item.isCorrect) row.correct++;
      perCategory.set(name, row);
    }
    const missed = attempt.items.filter((i) => i.isCorrect === false);
    results = {
      correct: scored.filter((i) => i.isCorrect).length,
      total: scored.length,
      timeMs: attempt.items.reduce((n, i) => n + (i.durationMs ?? 0), 0),
      perCategory: [...perCategory.values()],
      missed: missed.map((i) => ({
        position: i.position,
        promptHtml: renderMarkdown(i.kind === "flashcard" ? `Card: ${i.card.trick.name}` : i.prompt),
        given: i.given ?? "",
        correct: i.correct,
        trick: { slug: i.card.trick.slug, name: i.card.trick.name },
      })),
      missedCardIds: missed.map((i) => i.cardId),
    };
  }
  return {
    id: attempt.id,
    mode: attempt.mode,
    style: attempt.style,
    countsTowardSchedule: attempt.countsTowardSchedule,
    categories: asStringArray(attempt.categories).map((slug) => categoryNames.get(slug) ?? slug),
    total: attempt.items.length,
    answered: answered.length,
    correctSoFar: answered.filter((i) => i.isCorrect).length,
    finished: !!attempt.finishedAt,
    current,
    results,
  };
}

export async function recentQuizzes(db: PrismaClient, userId: string, take = 10) {
  const attempts = await db.quizAttempt.findMany({
    where: { userId },
    orderBy: { startedAt: "desc" },
    take,
    include: { items: { select: { isCorrect: true, answeredAt: true } } },
  });
  const names = new Map((await db.category.findMany({ select: { slug: true, name: true } })).map((c) => [c.slug, c.name]));
  return attempts.map((a) => ({
    id: a.id,
    mode: a.mode,
    startedAt: a.startedAt,
    finished: !!a.finishedAt,
    categories: asStringArray(a.categories).map((s) => names.get(s) ?? s),
    total: a.items.length,
    answered: a.items.filter((i) => i.answeredAt).length,
    correct: a.items.filter((i) => i.isCorrect).length,
  }));
}
