// Brings the database at DATABASE_URL up to date: applies the engine's migrations (SQLite: also
// switches to WAL), then syncs the content. Run by `npm start`, `npm run dev` and the end-to-end
// tests. Safe when several instances start at once: migrations are recorded and locked by the
// schema engine, and the content sync takes an exclusive lock (prisma/dialects/).
import { spawnSync } from "node:child_process";
import { mkdirSync, readdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { formatContentError } from "../lib/content/parse";
import { loadCatalogue } from "../lib/content/read-content";
import { createPrismaClient } from "../prisma/client";
import { databaseUrl } from "../prisma/database-url";
import { syncContent } from "../prisma/sync-content";

const target = databaseUrl();
const { catalogue, errors } = loadCatalogue();
if (!catalogue) {
  console.error("Content is invalid; fix it first (npm run content:check):");
  for (const e of errors) console.error(`  ${formatContentError(e)}`);
  process.exit(1);
}
/** Whether every migration folder of prisma/migrations is recorded as applied in this file. */
function sqliteMigrationsApplied(raw: Database.Database): boolean {
  const wanted = readdirSync("prisma/migrations", { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
  const table = raw.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name = '_prisma_migrations'").get();
  if (!table) return false;
  const applied = new Set((raw.prepare("SELECT migration_name AS name FROM _prisma_migrations WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL").all() as { name: string }[]).map((r) => r.name));
  return wanted.every((name) => applied.has(name));
}

let upToDate = false;
if (target.engine === "sqlite") {
  const file = target.url.slice("file:".length);
  mkdirSync(path.dirname(file), { recursive: true });
  // WAL lets readers and the writer work at once and makes each review transaction cheaper.
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  upToDate = sqliteMigrationsApplied(raw);
  raw.close();
}
// Migrations run in a child process: the schema engine holds its connection until exit. On a
// SQLite file that is up to date it is not started at all: another instance serving the file
// holds write locks the wasm schema engine cannot wait for (it fails with "unknown variant
// SocketTimeout"), and there is nothing for it to do.
if (upToDate) console.log("Migrations: up to date.");
const migrate = upToDate ? { status: 0 } : spawnSync(process.execPath, [...process.execArgv, path.resolve("scripts/db/migrate.ts"), "deploy"], {
  env: { ...process.env, DATABASE_URL: target.url },
  stdio: "inherit",
});
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const db = createPrismaClient(target.url);
const where = target.engine === "sqlite" ? target.url.slice("file:".length) : "PostgreSQL";
try {
  const s = await syncContent(db, catalogue);
  console.log(
    `Content synced to ${where}: ${s.tricks} tricks, ${s.cards} cards ` +
      `(${s.created} created, ${s.updated} updated, ${s.archived} archived, ${s.unchanged} cards unchanged).`,
  );
} finally {
  await db.$disconnect();
}
process.exit(0);
