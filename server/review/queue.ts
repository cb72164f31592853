import "server-only";
import { asStringArray } from "@/lib/content/json-fields";
import { buildQueue, remainingToday, type Queue, type QueueCard } from "@/lib/srs/queue";
import type { StudySettings } from "@/lib/srs/settings";
import { studyDay, type StudyDay } from "@/lib/srs/study-day";
import type { PrismaClient } from "@/prisma/client";

const notBuried = (now: Date) => ({ OR: [{ buriedUntil: null }, { buriedUntil: { lte: now } }] });

/** New and review cards already graded in this study day (limits count these). */
export async function doneToday(db: PrismaClient, userId: string, day: StudyDay) {
  const rows = await db.reviewLog.groupBy({
    by: ["state"],
    where: { userId, source: "review", review: { gte: day.start, lt: day.end } },
    _count: { _all: true },
  });
  const count = (s: number) => rows.find((r) => r.state === s)?._count._all ?? 0;
  return { newCards: count(0), reviews: count(2), all: rows.reduce((n, r) => n + r._count._all, 0) };
}

/** New cards for this user in catalogue order, within the enabled categories. */
async function newCardCandidates(db: PrismaClient, userId: string, settings: StudySettings, now: Date, take: number): Promise<QueueCard[]> {
  if (take <= 0) return [];
  const where = {
    archivedAt: null,
    trick: { archivedAt: null, categorySlug: { notIn: settings.disabledCategories } },
  };
  const order = [{ trick: { category: { position: "asc" as const } } }, { trick: { position: "asc" as const } }, { position: "asc" as const }];
  // never seen (no state row), plus never-reviewed cards that were buried and are back
  const [unseen, returning] = await Promise.all([
    db.card.findMany({ where: { ...where, states: { none: { userId } } }, orderBy: order, take, select: { id: true } }),
    db.card.findMany({
      where: { ...where, states: { some: { userId, state: 0, suspended: false, ...notBuried(now) } } },
      orderBy: order,
      take,
      select: { id: true },
    }),
  ]);
  const ids = new Set([...unseen, ...returning].map((c) => c.id));
  if (returning.length === 0) return unseen.map((c) => ({ cardId: c.id, due: null, state: 0 }));
  // merge the two lists back into catalogue order
  const ordered = await db.card.findMany({ where: { id: { in: [...ids] } }, orderBy: order, take, select: { id: true } });
  return ordered.map((c) => ({ cardId: c.id, due: null, state: 0 }));
}

export interface LoadedQueue extends Queue {
  day: StudyDay;
  done: { newCards: number; reviews: number; all: number };
}

export async function loadQueue(db: PrismaClient, userId: string, settings: StudySettings, now: Date): Promise<LoadedQueue> {
  const day = studyDay(now, settings.timeZone, settings.dayStartHour);
  const live = { suspended: false, card: { archivedAt: null }, ...notBuried(now) };
  const [done, learning, reviews] = await Promise.all([
    doneToday(db, userId, day),
    db.cardState.findMany({
      where: { userId, state: { in: [1, 3] }, due: { lt: day.end }, ...live },
      orderBy: { due: "asc" },
      select: { cardId: true, due: true, state: true },
    }),
    db.cardState.findMany({
      where: { userId, state: 2, due: { lt: day.end }, ...live },
      orderBy: { due: "asc" },
      take: settings.reviewsPerDay,
      select: { cardId: true, due: true, state: true },
    }),
  ]);
  const allowed = remainingToday(done, settings, reviews.length);
  const newCards = await newCardCandidates(db, userId, settings, now, allowed.newCards);
  const queue = buildQueue({ now, dayEnd: day.end, learning, reviews, newCards, doneToday: done, limits: settings });
  return { ...queue, day, done };
}

export async function suspendedCount(db: PrismaClient, userId: string) {
  return db.cardState.count({ where: { userId, suspended: true, card: { archivedAt: null } } });
}

/** The card a user may see in review: only live cards, with the user's own state (if any). */
export async function loadReviewCard(db: PrismaClient, userId: string, cardId: string) {
  const card = await db.card.findFirst({
    where: { id: cardId, archivedAt: null },
    include: {
      trick: { include: { category: true, references: { orderBy: { position: "asc" } } } },
      states: { where: { userId }, take: 1 },
    },
  });
  if (!card) return null;
  return {
    card,
    state: card.states[0] ?? null,
    references: card.trick.references
      .filter((r) => !r.unknown && r.title && r.year !== null)
      .map((r) => ({ title: r.title!, url: r.url ?? undefined, authors: asStringArray(r.authors), year: r.year! })),
  };
}
