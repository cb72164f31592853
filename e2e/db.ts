// Read-only look into the e2e database of the running project (SQLite file or PostgreSQL), to
// check what the UI did to a user's schedule.
import { test } from "@playwright/test";
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
