import "server-only";
import { asStringArray } from "@/lib/content/json-fields";
import { ankiDeck, referenceText, type AnkiNote } from "@/lib/fsrs-fit/anki-deck";
import { BACKUP_FORMAT, BACKUP_VERSION, fitInfoSchema, weightsSchema, type BackupJson } from "@/lib/fsrs-fit/backup-format";
import { reviewLogCsv } from "@/lib/fsrs-fit/review-csv";
import type { PrismaClient } from "@/prisma/client";

const iso = (d: Date) => d.toISOString();
const isoOrNull = (d: Date | null) => (d ? d.toISOString() : null);

/** The user's review log in the FSRS tools' CSV layout, card by card, oldest first. */
export async function exportReviewCsv(db: PrismaClient, userId: string): Promise<string> {
  const rows = await db.reviewLog.findMany({
    where: { userId },
    orderBy: [{ cardId: "asc" }, { review: "asc" }, { createdAt: "asc" }],
    select: { cardId: true, review: true, rating: true, state: true, durationMs: true },
  });
  return reviewLogCsv(rows);
}

/** Everything the user studied, as the versioned JSON backup (lib/fsrs-fit/backup-format.ts). */
export async function exportBackup(db: PrismaClient, userId: string, now: Date): Promise<BackupJson> {
  const [settings, states, logs, attempts] = await Promise.all([
    db.userSettings.findUnique({ where: { userId } }),
    db.cardState.findMany({ where: { userId }, orderBy: { cardId: "asc" } }),
    db.reviewLog.findMany({ where: { userId }, orderBy: [{ review: "asc" }, { createdAt: "asc" }] }),
    db.quizAttempt.findMany({ where: { userId }, orderBy: { startedAt: "asc" }, include: { items: { orderBy: { position: "asc" } } } }),
  ]);
  const weights = weightsSchema.safeParse(settings?.fsrsWeights);
  const fit = fitInfoSchema.safeParse(settings?.fsrsFit);
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: iso(now),
    settings: settings && {
      desiredRetention: settings.desiredRetention,
      maximumInterval: settings.maximumInterval,
      newCardsPerDay: settings.newCardsPerDay,
      reviewsPerDay: settings.reviewsPerDay,
      learningSteps: settings.learningSteps,
      relearningSteps: settings.relearningSteps,
      enableFuzz: settings.enableFuzz,
      dayStartHour: settings.dayStartHour,
      timeZone: settings.timeZone,
      disabledCategories: asStringArray(settings.disabledCategories),
      dailyGoal: settings.dailyGoal,
      leechThreshold: settings.leechThreshold,
      leechAction: settings.leechAction === "suspend" ? "suspend" : "flag",
      fsrsWeights: weights.success ? weights.data : null,
      fsrsFit: fit.success ? fit.data : null,
    },
    cardStates: states.map((s) => ({
      cardId: s.cardId,
      due: iso(s.due),
      stability: s.stability,
      difficulty: s.difficulty,
      elapsedDays: s.elapsedDays,
      scheduledDays: s.scheduledDays,
      learningSteps: s.learningSteps,
      reps: s.reps,
      lapses: s.lapses,
      state: s.state,
      lastReview: isoOrNull(s.lastReview),
      suspended: s.suspended,
      buriedUntil: isoOrNull(s.buriedUntil),
    })),
    reviewLogs: logs.map((l) => ({
      id: l.id,
      cardId: l.cardId,
      rating: l.rating,
      state: l.state,
      due: iso(l.due),
      stability: l.stability,
      difficulty: l.difficulty,
      elapsedDays: l.elapsedDays,
      lastElapsedDays: l.lastElapsedDays,
      scheduledDays: l.scheduledDays,
      learningSteps: l.learningSteps,
      review: iso(l.review),
      previousDue: iso(l.previousDue),
      durationMs: l.durationMs,
      source: l.source as BackupJson["reviewLogs"][number]["source"],
    })),
    quizAttempts: attempts.map((a) => ({
      id: a.id,
      mode: a.mode as BackupJson["quizAttempts"][number]["mode"],
      style: a.style as BackupJson["quizAttempts"][number]["style"],
      categories: asStringArray(a.categories),
      cardKinds: asStringArray(a.cardKinds),
      countsTowardSchedule: a.countsTowardSchedule,
      seed: a.seed,
      startedAt: iso(a.startedAt),
      finishedAt: isoOrNull(a.finishedAt),
      items: a.items.map((i) => ({
        position: i.position,
        kind: i.kind as BackupJson["quizAttempts"][number]["items"][number]["kind"],
        cardId: i.cardId,
        prompt: i.prompt,
        choices: asStringArray(i.choices),
        correct: i.correct,
        given: i.given,
        isCorrect: i.isCorrect,
        rating: i.rating,
        answeredAt: isoOrNull(i.answeredAt),
        durationMs: i.durationMs,
      })),
    })),
  };
}

/** The live catalogue as an Anki import file: one note per card, tagged by area, category and kind. */
export async function exportAnkiDeck(db: PrismaClient): Promise<string> {
  const cards = await db.card.findMany({
    where: { archivedAt: null, trick: { archivedAt: null } },
    orderBy: [{ trick: { category: { position: "asc" } } }, { trick: { position: "asc" } }, { position: "asc" }],
    select: {
      id: true,
      kind: true,
      prompt: true,
      answer: true,
      trick: { select: { categorySlug: true, category: { select: { areaSlug: true } }, references: { orderBy: { position: "asc" }, take: 1 } } },
    },
  });
  const notes = cards.map<AnkiNote>((c) => {
    const ref = c.trick.references[0];
    return {
      cardId: c.id,
      front: c.prompt,
      back: c.answer,
      reference: referenceText(ref ? { ...ref, authors: asStringArray(ref.authors) } : null),
      tags: ["trickdeck", `trickdeck::${c.trick.category.areaSlug}::${c.trick.categorySlug}`, `kind::${c.kind}`],
    };
  });
  return ankiDeck(notes);
}
