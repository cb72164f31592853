// The bench's databases (bench/app.bench.ts): scratch SQLite files and PostgreSQL databases,
// prepared as `npm start` prepares them, and the 1,000 users' history written in bulk.
import { spawn } from "node:child_process";
import { rmSync } from "node:fs";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import pg from "pg";
import { DEFAULT_SETTINGS } from "../../lib/srs/settings";
import { createPrismaClient } from "../../prisma/client";
import { adminUrl, createDatabase, dropDatabase, scratchName, urlFor } from "../../scripts/db/pg-admin";
import { emptyHistory, historyRows, randomPlan, writeHistorySqlite, type HistoryRows } from "../../scripts/history/insert-history";
import { writeHistoryPostgres } from "../../scripts/history/insert-history-postgres";

export type Engine = "sqlite" | "postgresql";

export interface Target {
  engine: Engine;
  url: string;
  /** removes the database */
  drop: () => Promise<void>;
}

export function sqliteTarget(name: string): Target {
  const file = `data/bench-${name}-${process.pid}.db`;
  const drop = async () => {
    for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(file + s, { force: true });
  };
  return { engine: "sqlite", url: `file:./${file}`, drop };
}

export async function pgTarget(label: string, template?: string): Promise<Target & { name: string }> {
  const name = scratchName(label);
  await createDatabase(adminUrl(), name, template);
  return { engine: "postgresql", name, url: urlFor(adminUrl(), name), drop: () => dropDatabase(adminUrl(), name) };
}

/** scripts/prepare-db.ts (migrations, content sync: what npm start does first) on `url`, in a child. */
export function prepare(url: string): Promise<number> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/prepare-db.ts"], { env: { ...process.env, DATABASE_URL: url }, stdio: ["ignore", "pipe", "pipe"] });
    const output: string[] = [];
    for (const s of [child.stdout, child.stderr]) s.on("data", (d: Buffer) => output.push(d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => (code === 0 ? resolve((performance.now() - started) / 1000) : reject(new Error(`prepare-db failed for ${url}:\n${output.join("")}`))));
  });
}

/** 1,000 users and their history (computed once with the real scheduler), for both engines. */
export interface BigData {
  ids: string[];
  rows: HistoryRows;
}

export function bigHistory(cards: string[], users: number, cardsPerUser: number, reviewsPerCard: number): BigData {
  const now = new Date();
  const ids = Array.from({ length: users }, (_, i) => `bench-user-${i}`);
  const rows = emptyHistory();
  ids.forEach((id, i) => {
    const mine = Array.from({ length: cardsPerUser }, (_, k) => cards[(i * 7 + k * 13) % cards.length]);
    historyRows(id, randomPlan([...new Set(mine)], reviewsPerCard, now, 180, DEFAULT_SETTINGS, i + 1), DEFAULT_SETTINGS, rows);
  });
  return { ids, rows };
}

/** Writes the 1,000 users (Prisma) and their history (the engine's bulk writer) into `t`; returns what the database then holds for them. */
export async function seedBig(t: Target, big: BigData): Promise<{ users: number; logs: number }> {
  const db = createPrismaClient(t.url);
  try {
    await db.$transaction(async (tx) => {
      await tx.user.createMany({ data: big.ids.map((id, i) => ({ id, email: `bench-${i}@example.com` })) });
      await tx.userSettings.createMany({ data: big.ids.map((userId) => ({ userId })) });
    });
    if (t.engine === "sqlite") {
      const raw = new Database(t.url.slice("file:".length));
      try {
        raw.pragma("busy_timeout = 10000");
        writeHistorySqlite(raw, big.rows);
        raw.pragma("optimize");
      } finally {
        raw.close();
      }
    } else {
      const client = new pg.Client({ connectionString: t.url });
      await client.connect();
      try {
        await writeHistoryPostgres(client, big.rows);
        await client.query("ANALYZE");
      } finally {
        await client.end();
      }
    }
    // by the ids' common prefix: a list of 1,000 ids passes the SQLite adapter's parameter limit
    const prefix = { startsWith: "bench-user-" };
    const [users, logs] = await Promise.all([db.user.count({ where: { id: prefix } }), db.reviewLog.count({ where: { userId: prefix } })]);
    return { users, logs };
  } finally {
    await db.$disconnect();
  }
}

/** The live catalogue's card ids, in id order. */
export async function catalogueCards(url: string): Promise<string[]> {
  const db = createPrismaClient(url);
  try {
    return (await db.card.findMany({ where: { archivedAt: null }, select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
  } finally {
    await db.$disconnect();
  }
}
