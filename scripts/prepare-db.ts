// Brings the database at DATABASE_URL up to date: applies migrations, switches SQLite to WAL,
// then syncs the content. Run by `npm start`, `npm run dev` and the end-to-end tests.
import { spawnSync } from "node:child_process";
import { mkdirSync } from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { formatContentError } from "../lib/content/parse";
import { loadCatalogue } from "../lib/content/read-content";
import { createPrismaClient } from "../prisma/client";
import { syncContent } from "../prisma/sync-content";
import { sqliteUrl } from "../prisma/database-url";

const url = sqliteUrl();
const { catalogue, errors } = loadCatalogue();
if (!catalogue) {
  console.error("Content is invalid; fix it first (npm run content:check):");
  for (const e of errors) console.error(`  ${formatContentError(e)}`);
  process.exit(1);
}
mkdirSync(path.dirname(url.slice("file:".length)), { recursive: true });
// WAL lets readers and the writer work at once and makes each review transaction cheaper.
const raw = new Database(url.slice("file:".length));
raw.pragma("journal_mode = WAL");
raw.close();
// Migrations run in a child process: the schema engine holds its connection until exit.
const migrate = spawnSync(process.execPath, [...process.execArgv, path.resolve("scripts/db/migrate.ts"), "deploy"], {
  env: { ...process.env, DATABASE_URL: url },
  stdio: "inherit",
});
if (migrate.status !== 0) process.exit(migrate.status ?? 1);

const db = createPrismaClient(url);
try {
  const s = await syncContent(db, catalogue);
  console.log(
    `Content synced to ${url.slice("file:".length)}: ${s.tricks} tricks, ${s.cards} cards ` +
      `(${s.created} created, ${s.updated} updated, ${s.archived} archived, ${s.unchanged} cards unchanged).`,
  );
} finally {
  await db.$disconnect();
}
process.exit(0);
