// The grade, in process, layer by layer (issue 10): medians in ms of
//   bare   - the bare driver transaction: read the state, update it, insert the log (better-sqlite3
//            on its own connection, WAL; pg: BEGIN, SELECT, UPDATE, INSERT, COMMIT on one client);
//   store  - recordReview(): the app's grade (ts-fsrs, rules, the hot path's transaction and rollup);
//   action - what the grade action does after the cookie is read: the JWT (decoded once per
//            cookie), the session row with the settings, the grade and the next screen (reviewView).
// Seeds its own database (the real content, one user), removes it afterwards.
//
//   npx tsx --conditions=react-server bench/grade-inprocess.bench.ts [sqlite|postgresql]
// measureInProcess(engine) is what `npm run bench` calls.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { pathToFileURL } from "node:url";
import cuid from "@bugsnag/cuid";
import Database from "better-sqlite3";
import { encode } from "next-auth/jwt";
import pg from "pg";
import { loadCatalogue } from "../lib/content/read-content";
import { DEFAULT_SETTINGS } from "../lib/srs/settings";
import { createPrismaClient, type PrismaClient } from "../prisma/client";
import type { Engine } from "../prisma/database-url";
import { syncContent } from "../prisma/sync-content";
import { adminUrl, createDatabase, dropDatabase, scratchName, unreachableReason, urlFor } from "../scripts/db/pg-admin";
import { recordReview } from "../server/review/grade";
import { loadStudySettings } from "../server/review/study-settings";
import { reviewView } from "../server/review/view";
import { decodeSessionCookie } from "../server/session-cookie";
import { createSession, liveSession } from "../server/sessions";

const RUNS = Number(process.env.BENCH_GRADE_RUNS ?? 300);
const WARMUP = 30;
const SECRET = "bench-secret-bench-secret-bench-secret";
const COOKIE = "authjs.session-token";

export interface InProcess {
  engine: Engine;
  runs: number;
  bare: number;
  store: number;
  action: number;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function timed(n: number, fn: (i: number) => unknown): Promise<number> {
  for (let i = 0; i < WARMUP; i++) await fn(i);
  const xs: number[] = [];
  for (let i = WARMUP; i < WARMUP + n; i++) {
    const t = performance.now();
    await fn(i);
    xs.push(performance.now() - t);
  }
  return median(xs);
}

function migrate(url: string) {
  const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/db/migrate.ts", "deploy"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`migrate failed:\n${r.stdout}\n${r.stderr}`);
}

interface Bare {
  grade(userId: string, cardId: string): unknown;
  close(): Promise<void> | void;
}

// the bare transaction: what a grade must do at least, with nothing around it
function bareSqlite(file: string): Bare {
  const raw = new Database(file, { timeout: 5000 });
  const read = raw.prepare(`SELECT "id", "version", "due" FROM "CardState" WHERE "userId" = ? AND "cardId" = ?`);
  const update = raw.prepare(`UPDATE "CardState" SET "due" = ?, "stability" = ?, "reps" = "reps" + 1, "version" = "version" + 1, "updatedAt" = ? WHERE "id" = ? AND "version" = ?`);
  const insert = raw.prepare(`INSERT INTO "ReviewLog" ("id", "userId", "cardId", "rating", "state", "due", "stability", "difficulty", "elapsedDays", "lastElapsedDays",
    "scheduledDays", "learningSteps", "review", "previousDue", "durationMs", "source", "createdAt") VALUES (?, ?, ?, 3, 2, ?, 1.5, 5, 1, 1, 1, 0, ?, ?, 1000, 'review', ?)`);
  const tx = raw.transaction((userId: string, cardId: string) => {
    const s = read.get(userId, cardId) as { id: string; version: number; due: string };
    const now = new Date().toISOString().replace("Z", "+00:00");
    update.run(now, 2.5, now, s.id, s.version);
    insert.run(cuid(), userId, cardId, s.due, now, s.due, now);
  });
  return { grade: (u, c) => tx.immediate(u, c), close: () => void raw.close() };
}

function barePostgres(url: string): Bare & { connect(): Promise<void> } {
  const client = new pg.Client({ connectionString: url });
  return {
    connect: async () => void (await client.connect()),
    async grade(userId, cardId) {
      await client.query("BEGIN");
      const s = (await client.query({ name: "b_read", text: `SELECT "id", "version", "due" FROM "CardState" WHERE "userId" = $1 AND "cardId" = $2`, values: [userId, cardId] })).rows[0];
      const now = new Date().toISOString();
      await client.query({ name: "b_update", text: `UPDATE "CardState" SET "due" = $1, "stability" = $2, "reps" = "reps" + 1, "version" = "version" + 1, "updatedAt" = $1 WHERE "id" = $3 AND "version" = $4`, values: [now, 2.5, s.id, s.version] });
      await client.query({
        name: "b_insert",
        text: `INSERT INTO "ReviewLog" ("id", "userId", "cardId", "rating", "state", "due", "stability", "difficulty", "elapsedDays", "lastElapsedDays",
          "scheduledDays", "learningSteps", "review", "previousDue", "durationMs", "source", "createdAt") VALUES ($1, $2, $3, 3, 2, $4, 1.5, 5, 1, 1, 1, 0, $5, $4, 1000, 'review', $5)`,
        values: [cuid(), userId, cardId, s.due, now],
      });
      await client.query("COMMIT");
    },
    close: () => client.end(),
  };
}

async function measure(engine: Engine, url: string, bare: Bare): Promise<InProcess> {
  const db: PrismaClient = createPrismaClient(url);
  try {
    const { catalogue } = loadCatalogue();
    await syncContent(db, catalogue!);
    const cards = (await db.card.findMany({ where: { archivedAt: null }, select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
    const make = (email: string) => db.$transaction((tx) => tx.user.create({ data: { email }, select: { id: true } })).then((u) => u.id);
    const [bareUser, gradeUser, actionUser] = [await make("bare@bench.test"), await make("grade@bench.test"), await make("action@bench.test")];
    const settings = { ...DEFAULT_SETTINGS };
    await db.$transaction((tx) => tx.userSettings.create({ data: { userId: actionUser, newCardsPerDay: 9999, reviewsPerDay: 9999 } }));
    // the bare user starts with a review state on every card
    const stamp = new Date();
    await db.$transaction((tx) =>
      tx.cardState.createMany({
        data: cards.map((cardId) => ({ userId: bareUser, cardId, due: stamp, stability: 2, difficulty: 5, elapsedDays: 1, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 2, lastReview: stamp, version: 1 })),
      }),
    );
    // planner statistics, as autovacuum keeps them on a database in use (PostgreSQL)
    if (engine === "postgresql") await db.$transaction((tx) => tx.$executeRawUnsafe(`ANALYZE`));
    const total = RUNS + WARMUP;
    const card = (i: number) => cards[i % cards.length];
    const versions = new Map<string, number>();
    const gradeNext = async (userId: string, i: number) => {
      const key = `${userId} ${card(i)}`;
      const expectedVersion = versions.get(key) ?? 0;
      const saved = await recordReview(db, userId, { cardId: card(i), expectedVersion, rating: 3, durationMs: 3000 }, new Date(), settings);
      versions.set(key, saved.version);
    };
    if (total > cards.length) console.log(`  (${cards.length} cards: some are graded more than once)`);

    const bareMs = await timed(RUNS, (i) => bare.grade(bareUser, card(i)));
    const storeMs = await timed(RUNS, (i) => gradeNext(gradeUser, i));
    const sid = await createSession(db, actionUser);
    const cookie = await encode({ token: { sub: actionUser, sid }, secret: SECRET, salt: COOKIE });
    const parts: Record<string, number[]> = {};
    const lap = (k: string, t: number) => (parts[k] ??= []).push(performance.now() - t);
    // the browser grades the card of the screen the previous action answered with
    let screen = await reviewView(db, actionUser, await loadStudySettings(db, actionUser), new Date());
    const actionMs = await timed(RUNS, async () => {
      let t = performance.now();
      const token = await decodeSessionCookie(cookie, COOKIE, SECRET);
      lap("decode", t);
      t = performance.now();
      // the session row, its user and the user's settings (one read)
      const live = await liveSession(db, token!.sid as string, token!.sub!);
      lap("session+settings", t);
      const s = live!.settings;
      t = performance.now();
      const shown = screen.card!;
      await recordReview(db, live!.user.id, { cardId: shown.cardId, expectedVersion: shown.version, rating: 3, durationMs: 3000 }, new Date(), s);
      lap("grade", t);
      t = performance.now();
      screen = await reviewView(db, live!.user.id, s, new Date());
      lap("view", t);
    });
    if (process.env.BENCH_PARTS) console.log(Object.fromEntries(Object.entries(parts).map(([k, v]) => [k, median(v).toFixed(3)])));
    return { engine, runs: RUNS, bare: bareMs, store: storeMs, action: actionMs };
  } finally {
    await db.$disconnect();
    await bare.close();
  }
}

/** Medians in ms for one engine; seeds a scratch database and removes it. */
export async function measureInProcess(engine: Engine): Promise<InProcess | null> {
  if (engine === "sqlite") {
    const dir = mkdtempSync(path.join(os.tmpdir(), "trickdeck-grade-bench-"));
    const file = path.join(dir, "bench.db");
    try {
      migrate(`file:${file}`);
      const wal = new Database(file);
      wal.pragma("journal_mode = WAL");
      wal.close();
      return await measure(engine, `file:${file}`, bareSqlite(file));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
  const why = await unreachableReason(adminUrl());
  if (why) {
    console.log(`SKIPPED PostgreSQL: ${why}`);
    return null;
  }
  const name = scratchName("gradebench");
  await createDatabase(adminUrl(), name);
  try {
    const url = urlFor(adminUrl(), name);
    migrate(url);
    const bare = barePostgres(url);
    await bare.connect();
    return await measure(engine, url, bare);
  } finally {
    await dropDatabase(adminUrl(), name);
  }
}

export function formatInProcess(r: InProcess): string {
  const x = (v: number) => `${(v / r.bare).toFixed(1)}x`;
  return [
    `${r.engine}, in process, medians of ${r.runs}:`,
    `  bare driver transaction   ${r.bare.toFixed(3)} ms   1x`,
    `  recordReview (grade)      ${r.store.toFixed(3)} ms   ${x(r.store)}`,
    `  whole action              ${r.action.toFixed(3)} ms   ${x(r.action)}`,
  ].join("\n");
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const asked = process.argv[2] as Engine | undefined;
  for (const engine of asked ? [asked] : (["sqlite", "postgresql"] as const)) {
    const r = await measureInProcess(engine);
    if (r) console.log(formatInProcess(r));
  }
  process.exit(0);
}
