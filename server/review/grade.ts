import "server-only";
import type { Grade } from "ts-fsrs";
import { leechChange, type LeechNotice } from "@/lib/srs/leech";
import { cardToRow, logToRow, rowToCard, rowToLog, type CardStateFields } from "@/lib/srs/mapper";
import { emptyCard, gradeCard, undoGrade } from "@/lib/srs/scheduler";
import { studyDay } from "@/lib/srs/study-day";
import type { StudySettings } from "@/lib/srs/settings";
import { gradeStoreOf, type PrismaClient } from "@/prisma/client";
import type { Prisma } from "@/generated/prisma/client";
import { reviewError } from "./errors";
import { leechOutcome, leechVerdict } from "./leech-outcome";
import { findUndoable } from "./undo-rules";

export interface GradeInput {
  cardId: string;
  /** the CardState version the client saw; 0 for a card never reviewed */
  expectedVersion: number;
  rating: Grade;
  durationMs: number;
  source?: "review" | "cram" | "quiz";
}

export type Tx = Prisma.TransactionClient;

/**
 * Applies one review inside the caller's transaction: read the user's state of the card with its
 * version, compute with ts-fsrs, write the state only if the version is unchanged, insert the
 * log. A stale or repeated submission changes nothing and throws ReviewError("stale").
 */
export async function applyReview(tx: Tx, userId: string, input: GradeInput, now: Date, settings: StudySettings) {
  const card = await tx.card.findFirst({ where: { id: input.cardId, archivedAt: null }, select: { id: true } });
  if (!card) throw reviewError("not_found");
  const state = await tx.cardState.findUnique({ where: { userId_cardId: { userId, cardId: input.cardId } } });
  const plan = planGrade(state, input, now, settings);
  const { fields, source } = plan;
  // the leech rule, from the stored lapses: "flag and suspend" suspends in this same transaction
  const leech = await leechOutcome(tx, input.cardId, plan.lapsesBefore, fields.lapses, settings);
  const leechFlags = leech.suspend ? { suspended: true, leechSuspended: true } : {};
  let version: number;
  if (!state) {
    await tx.cardState.create({ data: { userId, cardId: input.cardId, ...fields, version: 1 } });
    version = 1;
  } else {
    const updated = await tx.cardState.updateMany({
      where: { id: state.id, userId, version: input.expectedVersion },
      data: { ...fields, ...leechFlags, buriedUntil: null, version: { increment: 1 } },
    });
    if (updated.count !== 1) throw reviewError("stale");
    version = state.version + 1;
  }
  const saved = await tx.reviewLog.create({ data: { userId, cardId: input.cardId, ...plan.log }, select: { id: true } });
  await bumpReviewHour(tx, userId, now, plan.log.durationMs, 1);
  return { logId: saved.id, due: fields.due, state: fields.state, version, source, notice: leech.notice };
}

type StoredState = CardStateFields & { suspended: boolean; version: number };

/**
 * The pure part of a grade, shared by both paths: refusals from the state read (suspended,
 * stale), the early/cram source rule, ts-fsrs's new state and the log row to insert.
 */
function planGrade(state: StoredState | null, input: GradeInput, now: Date, settings: StudySettings) {
  if (state?.suspended) throw reviewError("suspended");
  if ((state?.version ?? 0) !== input.expectedVersion) throw reviewError("stale");
  // a card graded before the day it is due is an early ("cram") review, whatever screen sent it
  const dayEnd = studyDay(now, settings.timeZone, settings.dayStartHour).end;
  const early = !!state && state.state !== 0 && state.due.getTime() >= dayEnd.getTime();
  const source = input.source === "quiz" ? "quiz" : early ? "cram" : (input.source ?? "review");
  // a card with a "new" state row (suspended or buried before its first review) starts fresh
  const before = state && state.state !== 0 ? rowToCard(state) : null;
  const { card: next, log } = gradeCard(before, input.rating, now, settings, input.cardId);
  return {
    lapsesBefore: before?.lapses ?? 0,
    fields: cardToRow(next),
    source,
    log: { ...logToRow(log), previousDue: state?.due ?? now, durationMs: Math.round(input.durationMs), source },
  };
}

/**
 * Keeps the ReviewHour rollup in step with the review log, in the same transaction. One atomic
 * statement (the same SQL on SQLite and PostgreSQL): two transactions grading in the same hour
 * cannot both insert the row, and neither increment is lost, under READ COMMITTED too.
 */
async function bumpReviewHour(tx: Tx, userId: string, at: Date, durationMs: number, delta: 1 | -1) {
  const hour = at.toISOString().slice(0, 13);
  await tx.$executeRaw`
    INSERT INTO "ReviewHour" ("userId", "hour", "reviews", "durationMs") VALUES (${userId}, ${hour}, ${Math.max(0, delta)}, ${Math.max(0, delta * durationMs)})
    ON CONFLICT ("userId", "hour") DO UPDATE SET "reviews" = "ReviewHour"."reviews" + ${delta}, "durationMs" = "ReviewHour"."durationMs" + ${delta * durationMs}`;
}

/**
 * One review in one transaction, on the hot path below Prisma (prisma/dialects/grade-store.ts):
 * the same rules as applyReview - version guard, live card, suspended refusal, early/cram source,
 * leech rule in the same write, log and hourly rollup - in a few prepared statements.
 */
export async function recordReview(db: PrismaClient, userId: string, input: GradeInput, now: Date, settings: StudySettings) {
  let outcome: { fields: CardStateFields; source: string; notice: LeechNotice | null } | undefined;
  const saved = await gradeStoreOf(db).grade(userId, input.cardId, ({ card, state }) => {
    if (!card) throw reviewError("not_found");
    const plan = planGrade(state, input, now, settings);
    const change = leechChange(plan.lapsesBefore, plan.fields.lapses, settings.leechThreshold);
    const trick = { name: card.trickName, why: card.trickWhy, when: card.trickWhen };
    const leech = leechVerdict(change, input.cardId, { kind: card.kind, trickSlug: card.trickSlug, trick }, plan.fields.lapses, settings);
    outcome = { fields: plan.fields, source: plan.source, notice: leech.notice };
    return { fields: plan.fields, leechSuspend: !!state && leech.suspend, log: plan.log };
  });
  // the guard found the state changed since it was read (a double submit, another tab or
  // instance), or two first reviews of a new card raced: nothing was written
  if (!saved || !outcome) throw reviewError("stale");
  return { logId: saved.logId, due: outcome.fields.due, state: outcome.fields.state, version: saved.version, source: outcome.source, notice: outcome.notice };
}

/**
 * Undoes one of today's grades, `logId`, if it is still the latest change to its card (see
 * findUndoable): the log is deleted and the card state restored with ts-fsrs rollback. A
 * suspension the leech rule set with this grade is lifted; one the user set since is kept.
 */
export async function undoReview(db: PrismaClient, userId: string, logId: string, settings: StudySettings, now: Date) {
  return db.$transaction(async (tx) => {
    const { log: latest, state } = await findUndoable(tx, userId, logId, settings, now);
    // claim the log first: a second undo at the same moment (another tab or instance) waits on
    // this row, then finds it gone and changes nothing
    const claimed = await tx.reviewLog.deleteMany({ where: { id: latest.id, userId } });
    if (claimed.count !== 1) throw reviewError("nothing_to_undo");
    const previous = undoGrade(rowToCard(state), rowToLog(latest), latest.previousDue, settings);
    const leechLifted = state.leechSuspended ? { suspended: false, leechSuspended: false } : {};
    if (previous === null && !state.suspended && !state.buriedUntil) {
      // the card was new before this review: back to having no state at all
      await tx.cardState.delete({ where: { id: state.id } });
    } else if (previous === null) {
      // new again, but keep the suspension or burial the user set since
      await tx.cardState.update({ where: { id: state.id }, data: { ...cardToRow(emptyCard(latest.review)), version: { increment: 1 } } });
    } else {
      await tx.cardState.update({ where: { id: state.id }, data: { ...cardToRow(previous), ...leechLifted, version: { increment: 1 } } });
    }
    await bumpReviewHour(tx, userId, latest.review, latest.durationMs ?? 0, -1);
    return { cardId: latest.cardId };
  });
}
