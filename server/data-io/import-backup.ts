import "server-only";
import { createHash } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import type { Backup } from "@/lib/fsrs-fit/backup-format";
import type { PrismaClient } from "@/prisma/client";
import type { Tx } from "@/server/review/grade";

export interface ImportReport {
  restoredSettings: boolean;
  logsAdded: number;
  logsAlreadyPresent: number;
  statesAdded: number;
  statesUpdated: number;
  attemptsAdded: number;
  /** card ids in the backup that are not in the catalogue: their records were not imported */
  missingCards: string[];
  recordsSkippedForMissingCards: number;
}

const CHUNK = 500;
const chunks = <T>(list: T[]) => Array.from({ length: Math.ceil(list.length / CHUNK) }, (_, i) => list.slice(i * CHUNK, (i + 1) * CHUNK));

/**
 * The id a backup record gets in this account. A record keeps its own id unless another account
 * already holds it (a backup restored into a second account); then it gets an id derived from
 * (user, original id), the same every time, so merging the same file again finds it and adds nothing.
 */
const derivedId = (userId: string, id: string) => `imp${createHash("sha256").update(`${userId}:${id}`).digest("hex").slice(0, 24)}`;

async function resolveIds(ids: string[], userId: string, lookup: (ids: string[]) => Promise<{ id: string; userId: string }[]>) {
  const owner = new Map<string, string>();
  for (const part of chunks([...ids, ...ids.map((id) => derivedId(userId, id))])) for (const row of await lookup(part)) owner.set(row.id, row.userId);
  // null: this account already has the record
  return new Map(ids.map((id) => [id, owner.get(id) === userId || owner.get(derivedId(userId, id)) === userId ? null : owner.has(id) ? derivedId(userId, id) : id]));
}

/**
 * Applies a parsed backup to the user's account in ONE transaction: into an empty account it
 * restores everything (settings included); into one with history it merges, adding only review
 * logs and quiz attempts it does not hold yet (by id) and taking a card state from the backup only
 * when it is newer (later last review). Records of cards no longer in the catalogue are reported.
 */
export async function importBackup(db: PrismaClient, userId: string, backup: Backup): Promise<ImportReport> {
  return db.$transaction((tx) => applyBackup(tx, userId, backup), { timeout: 120_000 });
}

async function applyBackup(tx: Tx, userId: string, backup: Backup): Promise<ImportReport> {
  const referenced = new Set([...backup.cardStates.map((s) => s.cardId), ...backup.reviewLogs.map((l) => l.cardId), ...backup.quizAttempts.flatMap((a) => a.items.map((i) => i.cardId))]);
  const known = new Set<string>();
  for (const part of chunks([...referenced])) for (const c of await tx.card.findMany({ where: { id: { in: part } }, select: { id: true } })) known.add(c.id);
  const missingCards = [...referenced].filter((id) => !known.has(id)).sort();
  let skipped = 0;
  const keep = <T extends { cardId: string }>(r: T) => known.has(r.cardId) || (skipped++, false);

  const [logCount, stateCount, attemptCount] = await Promise.all([tx.reviewLog.count({ where: { userId } }), tx.cardState.count({ where: { userId } }), tx.quizAttempt.count({ where: { userId } })]);
  const empty = logCount + stateCount + attemptCount === 0;

  let restoredSettings = false;
  const existingSettings = await tx.userSettings.findUnique({ where: { userId }, select: { userId: true } });
  if (backup.settings && (empty || !existingSettings)) {
    const { fsrsWeights, fsrsFit, ...rest } = backup.settings;
    const data = { ...rest, fsrsWeights: fsrsWeights ?? Prisma.DbNull, fsrsFit: fsrsFit ?? Prisma.DbNull };
    await tx.userSettings.upsert({ where: { userId }, create: { userId, ...data }, update: data });
    restoredSettings = true;
  }

  const logs = backup.reviewLogs.filter(keep);
  const logIds = await resolveIds(logs.map((l) => l.id), userId, (ids) => tx.reviewLog.findMany({ where: { id: { in: ids } }, select: { id: true, userId: true } }));
  const toAdd = logs.flatMap((l) => {
    const id = logIds.get(l.id);
    return id ? [{ ...l, id, userId }] : [];
  });
  for (const part of chunks(toAdd)) await tx.reviewLog.createMany({ data: part });
  // the hourly rollup the progress page reads must count the added reviews too (a reset is not a
  // review: server/review/reset-card.ts leaves it out of the rollup, and so does the import)
  const hours = new Map<string, { reviews: number; durationMs: number }>();
  for (const l of toAdd) {
    if (l.source === "reset") continue;
    const h = hours.get(l.review.toISOString().slice(0, 13)) ?? { reviews: 0, durationMs: 0 };
    h.reviews++;
    h.durationMs += l.durationMs ?? 0;
    hours.set(l.review.toISOString().slice(0, 13), h);
  }
  for (const [hour, h] of hours) {
    await tx.reviewHour.upsert({ where: { userId_hour: { userId, hour } }, create: { userId, hour, ...h }, update: { reviews: { increment: h.reviews }, durationMs: { increment: h.durationMs } } });
  }

  let statesAdded = 0;
  let statesUpdated = 0;
  const states = backup.cardStates.filter(keep);
  const current = new Map<string, Date | null>();
  for (const part of chunks(states.map((s) => s.cardId))) {
    for (const s of await tx.cardState.findMany({ where: { userId, cardId: { in: part } }, select: { cardId: true, lastReview: true } })) current.set(s.cardId, s.lastReview);
  }
  for (const s of states) {
    if (!current.has(s.cardId)) {
      await tx.cardState.create({ data: { ...s, userId } });
      statesAdded++;
    } else if ((s.lastReview?.getTime() ?? -Infinity) > (current.get(s.cardId)?.getTime() ?? -Infinity)) {
      await tx.cardState.update({ where: { userId_cardId: { userId, cardId: s.cardId } }, data: { ...s, version: { increment: 1 } } });
      statesUpdated++;
    }
  }

  let attemptsAdded = 0;
  const attemptIds = await resolveIds(backup.quizAttempts.map((a) => a.id), userId, (ids) => tx.quizAttempt.findMany({ where: { id: { in: ids } }, select: { id: true, userId: true } }));
  for (const { items, ...a } of backup.quizAttempts) {
    const id = attemptIds.get(a.id);
    if (!id) continue; // already in this account
    await tx.quizAttempt.create({ data: { ...a, id, userId, items: { create: items.filter(keep) } } });
    attemptsAdded++;
  }

  return { restoredSettings, logsAdded: toAdd.length, logsAlreadyPresent: logs.length - toAdd.length, statesAdded, statesUpdated, attemptsAdded, missingCards, recordsSkippedForMissingCards: skipped };
}

/** The report as one sentence for the page. */
export function describeImport(r: ImportReport): string {
  const parts = [
    `${r.logsAdded} review${r.logsAdded === 1 ? "" : "s"} added (${r.logsAlreadyPresent} already here)`,
    `${r.statesAdded} card state${r.statesAdded === 1 ? "" : "s"} added, ${r.statesUpdated} updated`,
    `${r.attemptsAdded} quiz attempt${r.attemptsAdded === 1 ? "" : "s"} added`,
  ];
  if (r.restoredSettings) parts.push("settings restored");
  let text = `Imported: ${parts.join("; ")}.`;
  if (r.missingCards.length) {
    const shown = r.missingCards.slice(0, 10).join(", ");
    text += ` ${r.missingCards.length} card id${r.missingCards.length === 1 ? " is" : "s are"} no longer in the catalogue, so ${r.recordsSkippedForMissingCards} record${r.recordsSkippedForMissingCards === 1 ? " was" : "s were"} not imported: ${shown}${r.missingCards.length > 10 ? ", ..." : ""}.`;
  }
  return text;
}
