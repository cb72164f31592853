import "server-only";
import { z } from "zod";
import { asStringArray } from "@/lib/content/json-fields";
import { CARD_KINDS, GENERATED_CARD_KINDS } from "@/lib/content/schema";
import { symptomOfCard } from "@/lib/content/diagnose";
import { buildDiagnoseItems, buildQuizItems } from "@/lib/quiz/build-items";
import type { DiagnoseSymptom } from "@/lib/quiz/diagnose-distractors";
import type { QuizTrick } from "@/lib/quiz/distractors";
import { seededRng, shuffle } from "@/lib/quiz/random";
import type { PrismaClient } from "@/prisma/client";
import type { Tx } from "@/server/review/grade";
import { bump } from "@/server/sign-in-throttle";
import { QuizError, quizError } from "./errors";

export const QUIZ_MODES = ["flashcards", "multiple-choice", "typed", "diagnose"] as const;
export const QUIZ_KINDS = [...CARD_KINDS, ...GENERATED_CARD_KINDS] as const;

export const createQuizSchema = z
  .object({
    categories: z.array(z.string().min(1).max(100)).min(1, "Pick at least one category").max(50),
    mode: z.enum(QUIZ_MODES, { error: "Pick a mode" }),
    style: z.enum(["name", "statement", "mixed", "due-first", "cram"]).default("mixed"),
    length: z.union([z.literal(10), z.literal(20), z.literal("all")], { error: "Pick a length: 10, 20 or all" }),
    countsTowardSchedule: z.boolean().default(false),
    cardKinds: z.array(z.enum(QUIZ_KINDS)).max(QUIZ_KINDS.length).default([]),
    /** explicit cards (e.g. "review the missed ones"); flashcards only */
    cardIds: z.array(z.string().max(200)).max(500).optional(),
    /** only these tricks (e.g. the tricks holding a leech); multiple choice and typed */
    trickSlugs: z.array(z.string().max(200)).max(500).optional(),
  })
  .superRefine((q, ctx) => {
    const flash = q.mode === "flashcards";
    if (flash && !["due-first", "cram"].includes(q.style)) ctx.addIssue({ code: "custom", path: ["style"], message: "Flashcards are due-first or cram" });
    if (!flash && !["name", "statement", "mixed"].includes(q.style) && q.mode === "multiple-choice") ctx.addIssue({ code: "custom", path: ["style"], message: "Pick a question style" });
  });

export type CreateQuizInput = z.output<typeof createQuizSchema>;

async function quizTricks(db: PrismaClient) {
  const tricks = await db.trick.findMany({
    where: { archivedAt: null },
    orderBy: [{ category: { position: "asc" } }, { position: "asc" }],
    select: { slug: true, name: true, summary: true, categorySlug: true, category: { select: { position: true, areaSlug: true } } },
  });
  return tricks.map<QuizTrick>((t) => ({ slug: t.slug, name: t.name, summary: t.summary, category: t.categorySlug, categoryIndex: t.category.position, area: t.category.areaSlug }));
}

/** Every symptom of the live catalogue (from its diagnose cards), in catalogue order. */
async function quizSymptoms(db: PrismaClient): Promise<DiagnoseSymptom[]> {
  const tricks = new Map((await quizTricks(db)).map((t) => [t.slug, t]));
  const cards = await db.card.findMany({
    where: { archivedAt: null, kind: "diagnose", trick: { archivedAt: null } },
    orderBy: [{ trick: { category: { position: "asc" } } }, { trick: { position: "asc" } }, { position: "asc" }],
    select: { id: true, trickSlug: true, kind: true, prompt: true, answer: true },
  });
  return cards.flatMap((card) => {
    const symptom = symptomOfCard(card);
    const trick = tricks.get(card.trickSlug);
    return symptom && trick ? [{ cardId: card.id, trick, text: symptom.text, because: symptom.because }] : [];
  });
}

/** Creates a quiz attempt with all its items; returns its id. */
export async function createQuiz(db: PrismaClient, userId: string, input: CreateQuizInput, now: Date, seed: number): Promise<string> {
  const known = new Set((await db.category.findMany({ select: { slug: true } })).map((c) => c.slug));
  const unknown = input.categories.filter((c) => !known.has(c));
  if (unknown.length) throw new QuizError("unknown_category", `Unknown category: ${unknown.join(", ")}`);
  const length = input.length === "all" ? Infinity : input.length;

  let items: { kind: string; cardId: string; prompt: string; choices: string[]; correct: string }[];
  if (input.mode === "flashcards") {
    items = (await flashcardIds(db, userId, input, now, seed)).slice(0, length).map((cardId) => ({ kind: "flashcard", cardId, prompt: "", choices: [], correct: "" }));
  } else if (input.mode === "diagnose") {
    // distractors may come from any category, so every symptom of the catalogue is in the pool
    const pool = await quizSymptoms(db);
    items = buildDiagnoseItems(pool.filter((s) => input.categories.includes(s.trick.category)), pool, { seed, length });
    if (items.length === 0) throw new QuizError("no_cards", "None of these categories has symptoms to diagnose yet. Pick training-trick categories.");
  } else {
    const pool = await quizTricks(db);
    const chosen = pool.filter((t) => input.categories.includes(t.category) && (!input.trickSlugs || input.trickSlugs.includes(t.slug)));
    const cards = await db.card.findMany({
      where: { archivedAt: null, trickSlug: { in: chosen.map((t) => t.slug) }, kind: { in: ["what", "reverse"] } },
      select: { id: true, trickSlug: true, kind: true, prompt: true },
    });
    items = buildQuizItems(chosen, pool, cards.map((c) => ({ cardId: c.id, trickSlug: c.trickSlug, kind: c.kind, prompt: c.prompt })), {
      seed,
      length,
      style: input.mode === "typed" ? "typed" : (input.style as "name" | "statement" | "mixed"),
    });
  }
  if (items.length === 0) throw quizError("no_cards");

  // bounded: a few quizzes an hour is study; hundreds is a script filling the database
  const [started] = await bump(db, [{ key: `quiz:${userId}`, windowMs: 3_600_000 }], now);
  if (started > QUIZ_LIMITS.perHour) throw new QuizError("too_many_quizzes", `You started ${QUIZ_LIMITS.perHour} quizzes this hour, the most we allow. Finish one of them, or try again later.`);
  const attempt = await db.$transaction(async (tx) => {
    await cleanUpAbandoned(tx, userId, now);
    return tx.quizAttempt.create({
    data: {
      userId,
      mode: input.mode,
      style: input.mode === "typed" || input.mode === "diagnose" ? input.mode : input.style,
      categories: input.categories,
      cardKinds: input.cardKinds,
      countsTowardSchedule: input.mode === "flashcards" ? true : input.countsTowardSchedule,
      seed,
      startedAt: now,
      items: { create: items.map((item, position) => ({ position, kind: item.kind, cardId: item.cardId, prompt: item.prompt, choices: item.choices, correct: item.correct })) },
    },
    select: { id: true },
  });
  });
  return attempt.id;
}

export const QUIZ_LIMITS = { perHour: 60, keepUnfinished: 10, abandonedAfterDays: 7 } as const;

/**
 * Abandoned quizzes are removed: unfinished ones older than a week, and any beyond the 10 most
 * recent unfinished ones. Answers that counted toward the schedule live on in the review log.
 */
async function cleanUpAbandoned(tx: Tx, userId: string, now: Date) {
  const cutoff = new Date(now.getTime() - QUIZ_LIMITS.abandonedAfterDays * 86_400_000);
  const keep = await tx.quizAttempt.findMany({
    where: { userId, finishedAt: null, startedAt: { gte: cutoff } },
    orderBy: { startedAt: "desc" },
    take: QUIZ_LIMITS.keepUnfinished - 1,
    select: { id: true },
  });
  await tx.quizAttempt.deleteMany({ where: { userId, finishedAt: null, id: { notIn: keep.map((a) => a.id) } } });
}

/** A flashcards quiz (counted, as in review) on the cards missed in one of the user's finished quizzes; null when none is left. */
export async function reviewMissedQuiz(db: PrismaClient, userId: string, attemptId: string, now: Date, seed: number): Promise<string | null> {
  const attempt = await db.quizAttempt.findFirst({
    where: { id: attemptId, userId },
    include: { items: { where: { isCorrect: false }, select: { cardId: true } } },
  });
  if (!attempt) throw quizError("not_found");
  if (attempt.items.length === 0) return null;
  try {
    return await createQuiz(
      db,
      userId,
      { categories: attemptCategories(attempt.categories), mode: "flashcards", style: "due-first", length: "all", countsTowardSchedule: true, cardKinds: [], cardIds: attempt.items.map((i) => i.cardId) },
      now,
      seed,
    );
  } catch (err) {
    // every missed card was suspended or removed since: nothing left to review
    if (err instanceof QuizError && err.code === "no_cards") return null;
    throw err;
  }
}

/** Flashcards: due cards first (by due date), then the rest by due date, then new cards in catalogue order; or all shuffled (cram). */
async function flashcardIds(db: PrismaClient, userId: string, input: CreateQuizInput, now: Date, seed: number): Promise<string[]> {
  const cards = await db.card.findMany({
    where: {
      archivedAt: null,
      trick: { archivedAt: null, categorySlug: { in: input.categories } },
      ...(input.cardIds ? { id: { in: input.cardIds } } : {}),
      ...(input.cardKinds.length ? { kind: { in: input.cardKinds } } : {}),
    },
    orderBy: [{ trick: { category: { position: "asc" } } }, { trick: { position: "asc" } }, { position: "asc" }],
    select: { id: true, states: { where: { userId }, select: { due: true, state: true, suspended: true } } },
  });
  const live = cards.filter((c) => !c.states[0]?.suspended);
  if (input.style === "cram") return shuffle(live.map((c) => c.id), seededRng(seed));
  const seen = live.filter((c) => c.states[0] && c.states[0].state !== 0).sort((a, b) => a.states[0].due.getTime() - b.states[0].due.getTime());
  const unseen = live.filter((c) => !c.states[0] || c.states[0].state === 0);
  return [...seen, ...unseen].map((c) => c.id);
}

export const attemptCategories = (value: unknown) => asStringArray(value);
