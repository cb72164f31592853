import "server-only";
import { z } from "zod";
import { AppError } from "@/lib/app-error";
import type { PrismaClient } from "@/prisma/client";
import { leechCardIds } from "@/server/queries/leeches";
import { loadStudySettings } from "@/server/review/study-settings";
import { createQuiz } from "./create-quiz";
import { QuizError } from "./errors";

// diagnose quizzes ask about symptoms of whole categories, not about given cards: not offered here
export const leechQuizSchema = z.object({ mode: z.enum(["flashcards", "multiple-choice", "typed"], { error: "Pick a mode" }) }).strip();

/**
 * A quiz on exactly the user's leeches: flashcards on the leech cards themselves (counted, as in
 * review, like "review the missed ones"), or multiple choice / typed recall on their tricks
 * (not counted). The leeches are read now, from the stored lapses, so the quiz never lists a card
 * that stopped being one.
 */
export async function leechQuiz(db: PrismaClient, userId: string, mode: z.output<typeof leechQuizSchema>["mode"], now: Date, seed: number): Promise<string> {
  const settings = await loadStudySettings(db, userId);
  const cardIds = await leechCardIds(db, userId, settings);
  if (cardIds.length === 0) throw new AppError("no_leeches", "You have no leeches: no card has lapsed often enough to become one.");
  const cards = await db.card.findMany({ where: { id: { in: cardIds } }, select: { trickSlug: true, trick: { select: { categorySlug: true } } } });
  const categories = [...new Set(cards.map((c) => c.trick.categorySlug))];
  const trickSlugs = [...new Set(cards.map((c) => c.trickSlug))];
  const flash = mode === "flashcards";
  try {
    return await createQuiz(
      db,
      userId,
      { categories, mode, style: flash ? "due-first" : "mixed", length: "all", countsTowardSchedule: flash, cardKinds: [], ...(flash ? { cardIds } : { trickSlugs }) },
      now,
      seed,
    );
  } catch (err) {
    if (flash && err instanceof QuizError && err.code === "no_cards") {
      throw new AppError("leeches_suspended", "Your leeches are all suspended, so flashcards cannot grade them. Pick multiple choice or typed recall, or unsuspend them on your progress page.");
    }
    throw err;
  }
}
