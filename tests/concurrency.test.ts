// Races that SQLite's single writer hides and PostgreSQL's READ COMMITTED does not: requests at
// the same moment from two app instances (two clients, each with its own connections) on one
// database. Runs in both Vitest projects; the PostgreSQL one is where these races are real.
// SQLite serves one instance (one connection), so there both "instances" share the client: a
// second better-sqlite3 connection in the same process would block the event loop on the lock.
// Start-up runs as two real processes on both engines.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { spawn } from "node:child_process";
import { loadCatalogue } from "@/lib/content/read-content";
import { DEFAULT_SETTINGS } from "@/lib/srs/settings";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";
import { answerQuizItem } from "@/server/quiz/answer-quiz";
import { createQuiz } from "@/server/quiz/create-quiz";
import { suspendCard } from "@/server/review/card-flags";
import { ReviewError } from "@/server/review/errors";
import { recordReview, undoReview } from "@/server/review/grade";
import pg from "pg";
import { MIGRATE_LOCK_KEY } from "@/scripts/db/migrate";
import { createTestDb, testEngine, type TestDb } from "./helpers/test-db";
import { twoUserDb } from "./helpers/two-users";

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const t0 = new Date("2026-03-02T10:00:00Z");
let t: TestDb;
let alice: string;
let other: PrismaClient; // a second app instance on the same database

beforeEach(async () => {
  ({ t, alice } = await twoUserDb());
  other = t.engine === "postgresql" ? createPrismaClient(t.url) : t.db;
});
afterEach(async () => {
  if (other !== t.db) await other.$disconnect();
  await t.close();
});

const instances = () => [t.db, other];
const settled = async (ps: Promise<unknown>[]) => {
  const out = await Promise.allSettled(ps);
  return { ok: out.filter((o) => o.status === "fulfilled").length, errors: out.flatMap((o) => (o.status === "rejected" ? [o.reason] : [])) };
};

describe("concurrent requests from two instances", () => {
  it("suspend the same never-seen card at once: every request succeeds, one state row", async () => {
    const r = await settled(Array.from({ length: 8 }, (_, i) => suspendCard(instances()[i % 2], alice, "fan-in-init/why", t0)));
    expect(r.errors).toEqual([]);
    const rows = await t.db.cardState.findMany({ where: { userId: alice, cardId: "fan-in-init/why" } });
    expect(rows.map((s) => s.suspended)).toEqual([true]);
  });

  it("grade different cards in the same hour: every grade counts in the hourly rollup", async () => {
    const cards = ["fan-in-init/what", "fan-in-init/why", "fan-in-init/bound", "second-trick/what", "second-trick/why", "second-trick/bound"];
    const r = await settled(cards.map((cardId, i) => recordReview(instances()[i % 2], alice, { cardId, expectedVersion: 0, rating: 3, durationMs: 1000 + i }, t0, settings)));
    expect(r.errors).toEqual([]);
    expect(await t.db.reviewLog.count({ where: { userId: alice } })).toBe(6);
    expect(await t.db.reviewHour.findMany({ where: { userId: alice }, select: { hour: true, reviews: true, durationMs: true } })).toEqual([
      { hour: "2026-03-02T10", reviews: 6, durationMs: 6 * 1000 + 15 },
    ]);
  });

  it("grade the same card from both instances at once: applied once, the other refused as stale", async () => {
    await recordReview(t.db, alice, { cardId: "fan-in-init/what", expectedVersion: 0, rating: 3, durationMs: 1000 }, t0, settings);
    const later = new Date(t0.getTime() + 11 * 60_000);
    const r = await settled(instances().map((db) => recordReview(db, alice, { cardId: "fan-in-init/what", expectedVersion: 1, rating: 4, durationMs: 1000 }, later, settings)));
    expect(r.ok).toBe(1);
    expect(r.errors.map((e) => (e instanceof ReviewError ? e.code : e))).toEqual(["stale"]);
    expect(await t.db.reviewLog.count({ where: { userId: alice } })).toBe(2);
    expect((await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: alice, cardId: "fan-in-init/what" } } })).version).toBe(2);
    expect((await t.db.reviewHour.findMany({ where: { userId: alice } })).reduce((n, h) => n + h.reviews, 0)).toBe(2);
  });

  it("undo the same review twice at once: undone once", async () => {
    await recordReview(t.db, alice, { cardId: "fan-in-init/what", expectedVersion: 0, rating: 3, durationMs: 1000 }, t0, settings);
    const second = await recordReview(t.db, alice, { cardId: "fan-in-init/why", expectedVersion: 0, rating: 3, durationMs: 1000 }, new Date(t0.getTime() + 60_000), settings);
    const r = await settled(instances().map((db) => undoReview(db, alice, second.logId, settings, new Date(t0.getTime() + 120_000))));
    expect(r.ok).toBe(1);
    expect(r.errors.map((e) => (e instanceof ReviewError ? e.code : e))).toEqual(["nothing_to_undo"]);
    expect(await t.db.reviewLog.count({ where: { userId: alice } })).toBe(1);
    expect((await t.db.reviewHour.findMany({ where: { userId: alice } })).reduce((n, h) => n + h.reviews, 0)).toBe(1);
  });

  it("answer the same counted quiz question twice at once: answered and graded once", async () => {
    const quiz = await createQuiz(t.db, alice, { categories: ["initialization"], mode: "flashcards", style: "due-first", length: 10, countsTowardSchedule: true, cardKinds: [] }, t0, 5);
    const r = await settled(instances().map((db) => answerQuizItem(db, alice, { attemptId: quiz, position: 0, answer: 3, durationMs: 2000 }, t0, settings)));
    expect(r.ok).toBe(1);
    expect(r.errors).toHaveLength(1);
    expect(await t.db.quizItem.count({ where: { attemptId: quiz, answeredAt: { not: null } } })).toBe(1);
    expect(await t.db.reviewLog.count({ where: { userId: alice } })).toBe(1);
  });
});

describe("start-up (migrate + content sync)", () => {
  let fresh: TestDb;
  beforeEach(async () => {
    fresh = await createTestDb();
  });
  afterEach(async () => {
    await fresh.close();
  });

  const prepare = (url: string) =>
    new Promise<{ code: number | null; out: string }>((resolve) => {
      const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/prepare-db.ts"], { env: { ...process.env, DATABASE_URL: url } });
      let out = "";
      child.stdout.on("data", (d) => (out += d));
      child.stderr.on("data", (d) => (out += d));
      child.on("close", (code) => resolve({ code, out }));
    });

  it("is safe when two instances start at once on an empty database", async () => {
    const runs = await Promise.all([prepare(fresh.url), prepare(fresh.url)]);
    expect(runs.map((r) => r.code), runs.map((r) => r.out).join("\n")).toEqual([0, 0]);
    const { catalogue } = loadCatalogue();
    expect(await fresh.db.trick.count()).toBe(catalogue!.tricks.length);
    expect(await fresh.db.category.count()).toBe(catalogue!.categories.length);
    // one of them created everything; the other found it all in place
    expect(runs.filter((r) => /\(0 created, 0 updated/.test(r.out))).toHaveLength(1);
  }, 180_000);

  // CI once failed here: on a busy machine the first instance's migrations outlasted the schema
  // engine's own 10 s advisory-lock wait, and the second instance gave up. An outside session
  // plays that slow first instance: it holds the start-up lock and the engine's lock for 12 s.
  it.skipIf(testEngine() !== "postgresql")("waits behind an instance whose migrations take longer than the schema engine's 10 s lock wait", async () => {
    const PRISMA_MIGRATE_LOCK = 72707369; // the key in the schema engine's timeout message
    const holder = new pg.Client({ connectionString: fresh.url });
    await holder.connect();
    try {
      await holder.query("SELECT pg_advisory_lock($1), pg_advisory_lock($2)", [MIGRATE_LOCK_KEY, PRISMA_MIGRATE_LOCK]);
      const started = Date.now();
      const run = prepare(fresh.url);
      await new Promise((r) => setTimeout(r, 12_000));
      await holder.query("SELECT pg_advisory_unlock_all()");
      const done = await run;
      expect(done.code, done.out).toBe(0);
      expect(Date.now() - started).toBeGreaterThanOrEqual(12_000);
      expect(await fresh.db.trick.count()).toBe(loadCatalogue().catalogue!.tricks.length);
    } finally {
      await holder.end();
    }
  }, 180_000);
});
