// npm run db:copy: a populated SQLite database moved to PostgreSQL arrives row for row, and the
// app's domain functions then serve the moved users there. Runs in the "postgresql" project.
import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/srs/settings";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";
import { copyDatabase } from "@/scripts/db/copy";
import { modelInfo } from "@/scripts/db/model-info";
import { getProgress } from "@/server/queries/progress";
import { answerQuizItem } from "@/server/quiz/answer-quiz";
import { createQuiz } from "@/server/quiz/create-quiz";
import { suspendCard } from "@/server/review/card-flags";
import { recordReview } from "@/server/review/grade";
import { loadQueue } from "@/server/review/queue";
import { createPgDatabase, testEngine } from "./helpers/test-db";
import { twoUserDb } from "./helpers/two-users";

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const at = (h: number) => new Date(Date.UTC(2026, 4, 1, 8) + h * 3_600_000);

async function populate(db: PrismaClient, alice: string, bob: string) {
  await db.$transaction(async (tx) => {
    await tx.account.create({ data: { userId: alice, type: "oauth", provider: "github", providerAccountId: "42", access_token: "tok", expires_at: 1_900_000_000 } });
    await tx.session.create({ data: { userId: alice, sessionToken: "session-a", expires: at(500) } });
    await tx.verificationToken.create({ data: { identifier: "bob@example.com", token: "vt-1", expires: at(30) } });
    await tx.userSettings.create({ data: { userId: alice, desiredRetention: 0.87, timeZone: "Europe/Paris", disabledCategories: ["training"], fsrsWeights: [0.1, 1.2, 3.4] } });
    await tx.userSettings.create({ data: { userId: bob, dailyGoal: 12 } }); // fsrsWeights stays null
    await tx.signInThrottle.create({ data: { key: "email:bob@example.com", windowStart: at(1), failures: 3 } });
  });
  const cards = ["fan-in-init/what", "fan-in-init/why", "second-trick/what"];
  for (let i = 0; i < 9; i++) {
    const cardId = cards[i % 3];
    const s = await db.cardState.findUnique({ where: { userId_cardId: { userId: alice, cardId } } });
    await recordReview(db, alice, { cardId, expectedVersion: s?.version ?? 0, rating: ((i % 4) + 1) as 1 | 2 | 3 | 4, durationMs: 1500 + i }, at(i * 30), settings);
  }
  await recordReview(db, bob, { cardId: "fan-in-init/bound", expectedVersion: 0, rating: 3, durationMs: 900 }, at(2), settings);
  await suspendCard(db, alice, "second-trick/why", at(300));
  const quiz = await createQuiz(db, alice, { categories: ["initialization"], mode: "multiple-choice", style: "name", length: 10, countsTowardSchedule: false, cardKinds: [] }, at(301), 3);
  await answerQuizItem(db, alice, { attemptId: quiz, position: 0, answer: 0, durationMs: 3000 }, at(301), settings);
}

/** Every row of every model, in key order. */
const dump = async (db: PrismaClient) =>
  Object.fromEntries(
    await Promise.all(
      modelInfo().map(async (m) => [m.name, await (db as unknown as Record<string, { findMany: (a: object) => Promise<unknown[]> }>)[m.delegate].findMany({ orderBy: m.key.map((k) => ({ [k]: "asc" })) })] as const),
    ),
  );

describe.skipIf(testEngine() !== "postgresql")("db:copy from SQLite to PostgreSQL", () => {
  it("moves every row unchanged, in batches, and the app then serves the moved users", async () => {
    const { t, alice, bob } = await twoUserDb("sqlite");
    const pg = await createPgDatabase("copy");
    const target = createPrismaClient(pg.url);
    try {
      await populate(t.db, alice, bob);
      const before = await dump(t.db);
      const calls: [number, number][] = [];
      const counts = await copyDatabase({ from: t.url, to: pg.url, batchSize: 4, progress: (done, total) => calls.push([done, total]) });
      const total = Object.values(before).reduce((n, rows) => n + rows.length, 0);
      expect(counts.ReviewLog).toBe(10);
      expect(calls.at(-1)).toEqual([total, total]);
      expect(calls.length).toBeGreaterThan(total / 4); // one step per batch of 4

      expect(await dump(target)).toEqual(before);

      // the moved users, served from PostgreSQL
      const now = at(320);
      expect(JSON.stringify(await getProgress(target, alice, settings, now))).toBe(JSON.stringify(await getProgress(t.db, alice, settings, now)));
      const queue = await loadQueue(target, alice, settings, now);
      expect(queue).toEqual(await loadQueue(t.db, alice, settings, now));
      const s = await target.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: alice, cardId: "fan-in-init/what" } } });
      const graded = await recordReview(target, alice, { cardId: "fan-in-init/what", expectedVersion: s.version, rating: 3, durationMs: 1000 }, now, settings);
      expect(graded.version).toBe(s.version + 1);
      // autoincrement ids continue after the copied ones
      await target.$transaction((tx) => tx.reference.create({ data: { trickSlug: "fan-in-init", position: 99, authors: [] } }));

      await expect(copyDatabase({ from: t.url, to: pg.url, progress: () => {} })).rejects.toThrow(/not empty.*--force/);
      await copyDatabase({ from: t.url, to: pg.url, force: true, progress: () => {} });
      expect(await dump(target)).toEqual(before);
    } finally {
      await target.$disconnect();
      await pg.drop();
      await t.close();
    }
  }, 180_000);
});
