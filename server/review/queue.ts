import "server-only";
import { asStringArray, jsonColumn } from "@/lib/content/json-fields";
import { buildQueue, DEFAULT_LEARN_AHEAD_MS, remainingToday, type Queue, type QueueCard } from "@/lib/srs/queue";
import type { StudySettings } from "@/lib/srs/settings";
import { studyDay, type StudyDay } from "@/lib/srs/study-day";
import { gradeStoreOf, type PrismaClient } from "@/prisma/client";
import { Prisma } from "@/generated/prisma/client";

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

/** Today's review screen without loading the queue: its counts (as buildQueue gives them) and head card. */
export interface QueueHead {
  headId: string | null;
  counts: Queue["counts"];
  later: Queue["later"];
  done: LoadedQueue["done"];
  suspended: number;
}

const num = (v: unknown) => Number(v ?? 0);
const date = (v: unknown) => (v === null || v === undefined ? null : v instanceof Date ? v : new Date(v as string));
const id = (v: unknown) => (typeof v === "string" ? v : null);

/**
 * The same screen loadQueue + buildQueue describe, from one statement of COUNTs, MINs and LIMIT 1
 * lookups (each an index range of this user's rows), whatever the size of the due list, and a
 * second one for new cards when today's limits leave room for them (the first new card by a walk
 * of the catalogue-order index), both prepared once on the hot path
 * (prisma/dialects/grade-store.ts): learning cards due now come first, then review cards, then
 * new cards in catalogue order, within today's limits; with nothing left, a learning card due
 * within the learn-ahead window. Ties on the due date are broken by card id in byte order.
 */
export async function queueHead(db: PrismaClient, userId: string, settings: StudySettings, now: Date): Promise<QueueHead> {
  const day = studyDay(now, settings.timeZone, settings.dayStartHour);
  const horizon = new Date(now.getTime() + DEFAULT_LEARN_AHEAD_MS);
  const live = Prisma.sql`FROM "CardState" s JOIN "Card" c ON c."id" = s."cardId"
    WHERE s."userId" = ${userId} AND s."suspended" = false AND c."archivedAt" IS NULL AND (s."buriedUntil" IS NULL OR s."buriedUntil" <= ${now})`;
  const learning = Prisma.sql`${live} AND s."state" IN (1, 3) AND s."due" < ${day.end}`;
  const reviews = Prisma.sql`${live} AND s."state" = 2 AND s."due" < ${day.end}`;
  const doneLogs = Prisma.sql`FROM "ReviewLog" l WHERE l."userId" = ${userId} AND l."source" = 'review' AND l."review" >= ${day.start} AND l."review" < ${day.end}`;
  const disabled = settings.disabledCategories.length ? Prisma.sql`AND t."categorySlug" NOT IN (${Prisma.join(settings.disabledCategories)})` : Prisma.empty;
  // never seen (no state row), plus never-reviewed cards that were suspended or buried and are back
  // (as "no state row that is anything else": an anti-join walked in catalogue order). Their
  // number is the live cards minus the user's other states on them: two counts whose plans do
  // not depend on how well the planner knows this user's rows
  const newState = Prisma.sql`s."state" = 0 AND s."suspended" = false AND (s."buriedUntil" IS NULL OR s."buriedUntil" <= ${now})`;
  const liveCards = Prisma.sql`FROM "Card" c JOIN "Trick" t ON t."slug" = c."trickSlug" WHERE c."archivedAt" IS NULL AND t."archivedAt" IS NULL ${disabled}`;
  const newCards = Prisma.sql`${liveCards}
      AND NOT EXISTS (SELECT 1 FROM "CardState" s WHERE s."userId" = ${userId} AND s."cardId" = c."id" AND NOT (${newState}))`;
  const count = (condition: Prisma.Sql) => Prisma.sql`COALESCE(SUM(CASE WHEN ${condition} THEN 1 ELSE 0 END), 0)`;
  // today's logs and the learning cards in one pass each; the rest are index lookups
  const store = gradeStoreOf(db);
  const [r] = await store.read(Prisma.sql`SELECT d.*, lr.*,
    (SELECT s."cardId" ${learning} AND s."due" <= ${now} ORDER BY s."due", s."cardId" LIMIT 1) AS "firstLearning",
    (SELECT s."cardId" ${learning} AND s."due" > ${now} AND s."due" <= ${horizon} ORDER BY s."due", s."cardId" LIMIT 1) AS "firstAhead",
    (SELECT COUNT(*) FROM (SELECT 1 AS x ${reviews} LIMIT ${settings.reviewsPerDay}) capped) AS "reviews",
    (SELECT s."cardId" ${reviews} ORDER BY s."due", s."cardId" LIMIT 1) AS "firstReview",
    (SELECT COUNT(*) FROM "CardState" s JOIN "Card" c ON c."id" = s."cardId" WHERE s."userId" = ${userId} AND s."suspended" = true AND c."archivedAt" IS NULL) AS "suspended"
  FROM
    (SELECT COUNT(*) AS "doneAll", ${count(Prisma.sql`l."state" = 0`)} AS "doneNew", ${count(Prisma.sql`l."state" = 2`)} AS "doneReviews" ${doneLogs}) d,
    (SELECT COUNT(*) AS "learning", ${count(Prisma.sql`s."due" > ${now}`)} AS "learningLater", MIN(CASE WHEN s."due" > ${now} THEN s."due" END) AS "laterDue",
      ${count(Prisma.sql`s."due" > ${horizon}`)} AS "learningBeyond", MIN(CASE WHEN s."due" > ${horizon} THEN s."due" END) AS "beyondDue" ${learning}) lr`);
  const done = { newCards: num(r.doneNew), reviews: num(r.doneReviews), all: num(r.doneAll) };
  const allowed = remainingToday(done, settings, num(r.reviews));
  const learningDue = num(r.learning) - num(r.learningLater);
  // new cards only when today's limits leave room for some (a second statement); the first of
  // them only when nothing else comes before it
  let newCount = 0;
  let firstNew: unknown = null;
  if (allowed.newCards > 0) {
    const head = learningDue === 0 && allowed.reviews === 0;
    const [n] = await store.read(Prisma.sql`SELECT (SELECT COUNT(*) ${liveCards}) AS "liveCards",
      (SELECT COUNT(*) FROM "CardState" s JOIN "Card" c ON c."id" = s."cardId" JOIN "Trick" t ON t."slug" = c."trickSlug"
        WHERE s."userId" = ${userId} AND c."archivedAt" IS NULL AND t."archivedAt" IS NULL ${disabled} AND NOT (${newState})) AS "seenCards",
      ${head ? Prisma.sql`(SELECT c."id" ${newCards} ORDER BY c."catalogueOrder", c."id" LIMIT 1)` : Prisma.sql`NULL`} AS "firstNew"`);
    newCount = Math.min(Math.max(0, num(n.liveCards) - num(n.seenCards)), allowed.newCards);
    firstNew = n.firstNew;
  }
  const counts = { learning: num(r.learning), review: allowed.reviews, new: newCount };
  if (learningDue > 0 || allowed.reviews > 0 || newCount > 0) {
    const headId = learningDue > 0 ? id(r.firstLearning) : allowed.reviews > 0 ? id(r.firstReview) : id(firstNew);
    return { headId, counts, later: { count: num(r.learningLater), nextDue: date(r.laterDue) }, done, suspended: num(r.suspended) };
  }
  // nothing due now: learn ahead (Anki's 20 minutes), the rest of today's learning comes later
  return { headId: id(r.firstAhead), counts, later: { count: num(r.learningBeyond), nextDue: date(r.beyondDue) }, done, suspended: num(r.suspended) };
}

export async function suspendedCount(db: PrismaClient, userId: string) {
  return db.cardState.count({ where: { userId, suspended: true, card: { archivedAt: null } } });
}

/**
 * The card a user may see in review: only live cards, with the user's own state (if any) and
 * the trick's citations. Two prepared reads on the hot path: the card joined to its trick,
 * category and state, and the references (read at the same time: a card's id starts with its
 * trick's slug).
 */
export async function loadReviewCard(db: PrismaClient, userId: string, cardId: string) {
  const store = gradeStoreOf(db);
  const trickSlug = cardId.split("/")[0];
  const refsOf = (slug: string) =>
    store.read(Prisma.sql`SELECT "title", "url", "authors", "year", "unknown" FROM "Reference" WHERE "trickSlug" = ${slug} ORDER BY "position"`);
  const [rows, guessed] = await Promise.all([
    store.read(Prisma.sql`SELECT c."id", c."kind", c."prompt", c."answer", t."slug" AS "trickSlug", t."name" AS "trickName", t."title" AS "trickTitle",
        g."name" AS "categoryName", s."due", s."stability", s."difficulty", s."elapsedDays", s."scheduledDays", s."learningSteps",
        s."reps", s."lapses", s."state", s."lastReview", s."version"
      FROM "Card" c JOIN "Trick" t ON t."slug" = c."trickSlug" JOIN "Category" g ON g."slug" = t."categorySlug"
      LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = ${userId}
      WHERE c."id" = ${cardId} AND c."archivedAt" IS NULL`),
    refsOf(trickSlug),
  ]);
  const row = rows[0] as ReviewCardRow | undefined;
  if (!row) return null;
  const references = row.trickSlug === trickSlug ? guessed : await refsOf(row.trickSlug);
  const state =
    row.state === null || row.state === undefined
      ? null
      : {
          due: date(row.due)!,
          stability: num(row.stability),
          difficulty: num(row.difficulty),
          elapsedDays: num(row.elapsedDays),
          scheduledDays: num(row.scheduledDays),
          learningSteps: num(row.learningSteps),
          reps: num(row.reps),
          lapses: num(row.lapses),
          state: num(row.state),
          lastReview: date(row.lastReview),
          version: num(row.version),
        };
  return {
    card: { id: row.id, kind: row.kind, prompt: row.prompt, answer: row.answer, trick: { slug: row.trickSlug, name: row.trickName, title: row.trickTitle, category: { name: row.categoryName } } },
    state,
    references: references
      .filter((r) => !truthy(r.unknown) && r.title && r.year !== null && r.year !== undefined)
      .map((r) => ({ title: String(r.title), url: typeof r.url === "string" ? r.url : undefined, authors: asStringArray(jsonColumn(r.authors)), year: num(r.year) })),
  };
}

/** A boolean column as either driver returns it (true/false, or 1/0). */
const truthy = (v: unknown) => v === true || Number(v) === 1;

interface ReviewCardRow {
  id: string;
  kind: string;
  prompt: string;
  answer: string;
  trickSlug: string;
  trickName: string;
  trickTitle: string;
  categoryName: string;
  [stateField: string]: unknown;
}
