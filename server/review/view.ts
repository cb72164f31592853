import "server-only";
import { CARD_KIND_LABELS, cardFaces, formatCitation } from "@/lib/content/cards";
import { renderMarkdown } from "@/lib/content/render-markdown";
import type { CardKind } from "@/lib/content/schema";
import { rowToCard } from "@/lib/srs/mapper";
import { GRADES, previewGrades } from "@/lib/srs/scheduler";
import type { StudySettings } from "@/lib/srs/settings";
import { studyDay } from "@/lib/srs/study-day";
import type { PrismaClient } from "@/prisma/client";
import type { ReviewCardView, ReviewView, SessionSummary } from "@/lib/views/review";
import { loadReviewCard, queueHead } from "./queue";

export type { ReviewCardView, ReviewView, SessionSummary };

const QUEUE_OF_STATE = { 0: "new", 1: "learning", 2: "review", 3: "learning" } as const;

export async function cardView(db: PrismaClient, userId: string, cardId: string, settings: StudySettings, now: Date): Promise<ReviewCardView | null> {
  const loaded = await loadReviewCard(db, userId, cardId);
  if (!loaded) return null;
  const { card, state } = loaded;
  const faces = cardFaces(card);
  const preview = previewGrades(state && state.state !== 0 ? rowToCard(state) : null, now, settings, card.id);
  return {
    cardId: card.id,
    version: state?.version ?? 0,
    kind: card.kind,
    kindLabel: CARD_KIND_LABELS[card.kind as CardKind] ?? card.kind,
    queue: QUEUE_OF_STATE[(state?.state ?? 0) as 0 | 1 | 2 | 3],
    frontHtml: renderMarkdown(faces.front),
    backHtml: renderMarkdown(faces.back),
    trick: { slug: card.trick.slug, name: card.trick.name, title: card.trick.title, category: card.trick.category.name },
    referencesHtml: loaded.references.map((r) => renderMarkdown(formatCitation(r))),
    intervals: Object.fromEntries(GRADES.map((g) => [g, preview[g].label])) as ReviewCardView["intervals"],
  };
}

async function sessionSummary(db: PrismaClient, userId: string, settings: StudySettings, now: Date): Promise<SessionSummary> {
  const day = studyDay(now, settings.timeZone, settings.dayStartHour);
  const tomorrow = studyDay(day.end, settings.timeZone, settings.dayStartHour);
  const live = { userId, suspended: false, card: { archivedAt: null } };
  const [byRating, next, dueTomorrow, unseen] = await Promise.all([
    db.reviewLog.groupBy({
      by: ["rating"],
      where: { userId, source: "review", review: { gte: day.start, lt: day.end } },
      _count: { _all: true },
      _sum: { durationMs: true },
    }),
    db.cardState.findFirst({ where: { ...live, state: { not: 0 }, due: { gte: now } }, orderBy: { due: "asc" }, select: { due: true } }),
    db.cardState.count({ where: { ...live, state: { not: 0 }, due: { gte: day.end, lt: tomorrow.end } } }),
    db.card.count({ where: { archivedAt: null, trick: { archivedAt: null, categorySlug: { notIn: settings.disabledCategories } }, states: { none: { userId } } } }),
  ]);
  const grades = { 1: 0, 2: 0, 3: 0, 4: 0 } as SessionSummary["grades"];
  let timeMs = 0;
  for (const r of byRating) {
    grades[r.rating as 1 | 2 | 3 | 4] = r._count._all;
    timeMs += r._sum.durationMs ?? 0;
  }
  return {
    reviewed: byRating.reduce((n, r) => n + r._count._all, 0),
    grades,
    timeMs,
    nextDue: next?.due.toISOString() ?? null,
    tomorrow: { due: dueTomorrow, new: Math.min(settings.newCardsPerDay, unseen) },
  };
}

/**
 * Everything the review screen needs: the next card (or `showCardId`, e.g. after an undo), or the
 * summary. Counts come from COUNT queries (queueHead), never from loading the due list.
 */
export async function reviewView(db: PrismaClient, userId: string, settings: StudySettings, now: Date, showCardId?: string): Promise<ReviewView> {
  const head = showCardId ? null : await queueHead(db, userId, settings, now);
  const [queue, card] = showCardId
    ? await Promise.all([queueHead(db, userId, settings, now), cardView(db, userId, showCardId, settings, now)])
    : [head!, head!.headId ? await cardView(db, userId, head!.headId, settings, now) : null];
  return {
    card,
    remaining: queue.counts,
    doneToday: queue.done.all,
    later: { count: queue.later.count, nextDue: queue.later.nextDue?.toISOString() ?? null },
    suspended: queue.suspended,
    summary: card ? null : await sessionSummary(db, userId, settings, now),
  };
}
