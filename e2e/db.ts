// Read-only look into the e2e database of the running project (SQLite file or PostgreSQL), to
// check what the UI did to a user's schedule.
import { test } from "@playwright/test";
import Database from "better-sqlite3";
import { createPrismaClient } from "../prisma/client";

/** The DATABASE_URL of the app server the current project talks to (playwright.config.ts). */
export const e2eDatabaseUrl = () => String(test.info().project.metadata.databaseUrl);

export async function scheduleOf(email: string) {
  const db = createPrismaClient(e2eDatabaseUrl());
  try {
    const user = await db.user.findUnique({ where: { email }, select: { id: true } });
    if (!user) throw new Error(`no user ${email}`);
    const [cardStates, reviewLogs, quizLogs] = await Promise.all([
      db.cardState.count({ where: { userId: user.id } }),
      db.reviewLog.count({ where: { userId: user.id } }),
      db.reviewLog.count({ where: { userId: user.id, source: "quiz" } }),
    ]);
    return { cardStates, reviewLogs, quizLogs };
  } finally {
    await db.$disconnect();
  }
}

/** One user's stored schedule for one card, read straight from the e2e database. */
export function cardStateOf(email: string, cardId: string) {
  const db = new Database("data/e2e.db", { readonly: true, fileMustExist: true });
  try {
    return db
      .prepare("SELECT s.state, s.scheduledDays, s.due, s.lastReview FROM CardState s JOIN User u ON u.id = s.userId WHERE u.email = ? AND s.cardId = ?")
      .get(email, cardId) as { state: number; scheduledDays: number; due: string; lastReview: string } | undefined;
  } finally {
    db.close();
  }
}
