// npm run bench — seeds one user with 5,000 card states and 100,000 review logs (computed with
// ts-fsrs over a year) in a fresh SQLite file, then times the server work of the progress page
// and of the review queue; then writes the same rows (computed once) to a scratch PostgreSQL
// database (TEST_POSTGRES_URL or the local server; skipped with a message when none answers)
// in bulk (scripts/history/insert-history-postgres.ts), and times it there too.
// Prints medians; compare figures only within one run.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { loadCatalogue } from "../lib/content/read-content";
import { DEFAULT_SETTINGS } from "../lib/srs/settings";
import { createPrismaClient } from "../prisma/client";
import { syncContent } from "../prisma/sync-content";
import pg from "pg";
import { historyRows, randomPlan, writeHistorySqlite } from "../scripts/history/insert-history";
import { insertRows, writeHistoryPostgres } from "../scripts/history/insert-history-postgres";
import { adminUrl, createDatabase, dropDatabase, scratchName, unreachableReason, urlFor } from "../scripts/db/pg-admin";
import { getProgress } from "../server/queries/progress";
import { reviewView } from "../server/review/view";

const CARDS = Number(process.env.BENCH_CARDS ?? 5000);
const REVIEWS = Number(process.env.BENCH_REVIEWS ?? 100_000);
const RUNS = Number(process.env.BENCH_RUNS ?? 25);

const dir = mkdtempSync(path.join(os.tmpdir(), "trickdeck-bench-"));
const file = path.join(dir, "bench.db");
const now = new Date();
const settings = { ...DEFAULT_SETTINGS, timeZone: "Europe/Paris" };

function step<T>(label: string, fn: () => T): T {
  const t = performance.now();
  const out = fn();
  console.log(`  ${label}: ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return out;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(p * xs.length))];

async function time(label: string, fn: () => Promise<unknown>) {
  for (let i = 0; i < 3; i++) await fn(); // warm-up: JIT, SQLite page cache
  const xs: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await fn();
    xs.push(performance.now() - t);
  }
  return { label, median: median(xs), p90: pct(xs, 0.9), min: Math.min(...xs) };
}

async function main() {
  console.log(`Seeding ${CARDS} card states and ${REVIEWS} review logs for one user in ${file}`);
  step("migrate", () => {
    const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/db/migrate.ts", "deploy"], { env: { ...process.env, DATABASE_URL: `file:${file}` }, encoding: "utf8" });
    if (r.status !== 0) throw new Error(r.stderr);
  });
  const raw = new Database(file);
  raw.pragma("journal_mode = WAL");
  const db = createPrismaClient(`file:${file}`);
  const { catalogue } = loadCatalogue();
  await syncContent(db, catalogue!);

  // pad the catalogue with synthetic tricks so that the user can hold CARDS card states (the same
  // rows go to PostgreSQL below)
  const real = (raw.prepare("SELECT id FROM Card").all() as { id: string }[]).map((c) => c.id);
  const categories = (raw.prepare("SELECT slug FROM Category ORDER BY position").all() as { slug: string }[]).map((c) => c.slug);
  const stamp = now.toISOString().replace("Z", "+00:00");
  const TRICK_COLUMNS = ["slug", "categorySlug", "title", "name", "summary", "what", "aliases", "tags", "corrections", "position", "contentHash", "createdAt", "updatedAt"];
  const CARD_COLUMNS = ["id", "trickSlug", "key", "kind", "prompt", "answer", "position", "contentHash", "createdAt", "updatedAt"];
  const trickRows: (string | number)[][] = [];
  const cardRows: (string | number)[][] = [];
  for (let i = 0; real.length + cardRows.length < CARDS; i++) {
    const slug = `bench-trick-${i}`;
    trickRows.push([slug, categories[i % categories.length], slug, slug, "Synthetic", "Synthetic", "[]", "[]", "[]", 1000 + i, "bench", stamp, stamp]);
    for (let k = 0; k < 6 && real.length + cardRows.length < CARDS; k++) cardRows.push([`${slug}/c${k}`, slug, `c${k}`, "what", "Q", "A", k, "bench", stamp, stamp]);
  }
  const extra = cardRows.map((c) => c[0] as string);
  step("synthetic cards", () =>
    raw.transaction(() => {
      const insert = (table: string, cols: string[]) => raw.prepare(`INSERT INTO ${table} (${cols.join(", ")}) VALUES (${cols.map(() => "?").join(", ")})`);
      const trick = insert("Trick", TRICK_COLUMNS);
      const card = insert("Card", CARD_COLUMNS);
      for (const r of trickRows) trick.run(r);
      for (const r of cardRows) card.run(r);
    })(),
  );
  const user = await db.$transaction((tx) => tx.user.create({ data: { email: "bench@example.com", settings: { create: { timeZone: settings.timeZone } } } }));
  const plan = step("plan reviews with ts-fsrs", () => randomPlan([...real, ...extra].slice(0, CARDS), Math.round(REVIEWS / CARDS), now, 365, settings, 42));
  const rows = step("history rows with ts-fsrs", () => historyRows(user.id, plan, settings));
  step("insert history (SQLite)", () => writeHistorySqlite(raw, rows));
  const written = { logs: rows.logs.length, states: rows.states.size };
  raw.pragma("optimize");
  console.log(`  wrote ${written.logs} review logs and ${written.states} card states`);

  const timeBoth = (label: string, on: typeof db) => [
    () => time(`${label}: progress page, getProgress()`, () => getProgress(on, user.id, settings, new Date())),
    () => time(`${label}: review page, reviewView()`, () => reviewView(on, user.id, settings, new Date())),
  ];
  const results = [];
  for (const run of timeBoth("SQLite", db)) results.push(await run());

  const why = await unreachableReason(adminUrl());
  if (why) console.log(`\nSKIPPED PostgreSQL: ${why}`);
  else {
    const name = scratchName("bench");
    // npm run bench passes a prepared template (migrated, content synced): cloned in a second
    const template = process.env.BENCH_PG_TEMPLATE?.trim() || undefined;
    await createDatabase(adminUrl(), name, template);
    try {
      const pgUrl = urlFor(adminUrl(), name);
      const started = performance.now();
      // the same catalogue (migrations and content sync, as npm start does), then the same rows
      if (!template) {
        const prepared = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/prepare-db.ts"], { env: { ...process.env, DATABASE_URL: pgUrl }, encoding: "utf8" });
        if (prepared.status !== 0) throw new Error(`prepare-db failed for PostgreSQL:\n${prepared.stdout}\n${prepared.stderr}`);
      }
      const seed = createPrismaClient(pgUrl);
      await seed.$transaction((tx) => tx.user.create({ data: { id: user.id, email: "bench@example.com", settings: { create: { timeZone: settings.timeZone } } } }));
      await seed.$disconnect();
      const client = new pg.Client({ connectionString: pgUrl });
      await client.connect();
      try {
        await client.query("BEGIN");
        await insertRows(client, "Trick", TRICK_COLUMNS, trickRows);
        await insertRows(client, "Card", CARD_COLUMNS, cardRows);
        await client.query("COMMIT");
        await writeHistoryPostgres(client, rows);
        await client.query("ANALYZE");
        const counted = await client.query<{ logs: number; states: number }>(`SELECT (SELECT COUNT(*)::int FROM "ReviewLog") AS logs, (SELECT COUNT(*)::int FROM "CardState") AS states`);
        const c = counted.rows[0];
        if (c.logs !== written.logs || c.states !== written.states) throw new Error(`PostgreSQL holds ${c.logs} logs and ${c.states} states, SQLite ${written.logs} and ${written.states}`);
      } finally {
        await client.end();
      }
      console.log(`  same rows to PostgreSQL (${template ? "cloned prepared template" : "prepare-db"}, INSERT ... unnest): ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const onPg = createPrismaClient(pgUrl);
      for (const run of timeBoth("PostgreSQL", onPg)) results.push(await run());
      await onPg.$disconnect();
    } finally {
      await dropDatabase(adminUrl(), name);
    }
  }
  console.log(`\n${RUNS} runs each (after 3 warm-up runs), milliseconds:`);
  console.log("| work | median | p90 | min |\n| --- | ---: | ---: | ---: |");
  for (const r of results) console.log(`| ${r.label} | ${r.median.toFixed(1)} | ${r.p90.toFixed(1)} | ${r.min.toFixed(1)} |`);
  const target = results[0].median < 150;
  console.log(`\nTarget: progress page server work under 150 ms median (SQLite) -> ${target ? "met" : "NOT met"} (${results[0].median.toFixed(1)} ms).`);
  console.log(`Peak RSS: ${Math.round(process.memoryUsage().rss / 1048576)} MiB`);
  // bench/app.bench.ts runs this file and puts its figures in the one table
  if (process.env.BENCH_JSON) writeFileSync(process.env.BENCH_JSON, JSON.stringify(results));
  await db.$disconnect();
  raw.close();
  if (process.env.BENCH_KEEP) console.log(`Kept ${file}`);
  else rmSync(dir, { recursive: true, force: true });
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
