// npm run bench — seeds one user with 5,000 card states and 100,000 review logs (computed with
// ts-fsrs over a year) in a fresh SQLite file, then times the server work of the progress page
// and of the review queue; then copies the same data to a scratch PostgreSQL database (db:copy,
// TEST_POSTGRES_URL or the local server; skipped with a message when none answers) and times
// it there too. Prints medians; compare figures only within one run.
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
import { insertHistory, randomPlan } from "../scripts/history/insert-history";
import { copyDatabase, progressBar } from "../scripts/db/copy";
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

  // pad the catalogue with synthetic tricks so that the user can hold CARDS card states
  const real = (raw.prepare("SELECT id FROM Card").all() as { id: string }[]).map((c) => c.id);
  const categories = (raw.prepare("SELECT slug FROM Category ORDER BY position").all() as { slug: string }[]).map((c) => c.slug);
  const stamp = now.toISOString().replace("Z", "+00:00");
  const extra: string[] = [];
  step("synthetic cards", () =>
    raw.transaction(() => {
      const trick = raw.prepare(`INSERT INTO Trick (slug, categorySlug, title, name, summary, what, aliases, tags, corrections, position, contentHash, createdAt, updatedAt)
        VALUES (?, ?, ?, ?, 'Synthetic', 'Synthetic', '[]', '[]', '[]', ?, 'bench', ?, ?)`);
      const card = raw.prepare(`INSERT INTO Card (id, trickSlug, key, kind, prompt, answer, position, contentHash, createdAt, updatedAt) VALUES (?, ?, ?, 'what', 'Q', 'A', ?, 'bench', ?, ?)`);
      for (let i = 0; real.length + extra.length < CARDS; i++) {
        const slug = `bench-trick-${i}`;
        trick.run(slug, categories[i % categories.length], slug, slug, 1000 + i, stamp, stamp);
        for (let k = 0; k < 6 && real.length + extra.length < CARDS; k++) {
          card.run(`${slug}/c${k}`, slug, `c${k}`, k, stamp, stamp);
          extra.push(`${slug}/c${k}`);
        }
      }
    })(),
  );
  const user = await db.$transaction((tx) => tx.user.create({ data: { email: "bench@example.com", settings: { create: { timeZone: settings.timeZone } } } }));
  const plan = step("plan reviews with ts-fsrs", () => randomPlan([...real, ...extra].slice(0, CARDS), Math.round(REVIEWS / CARDS), now, 365, settings, 42));
  const written = step("insert history", () => insertHistory(raw, user.id, plan, settings));
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
    await createDatabase(adminUrl(), name);
    try {
      const pgUrl = urlFor(adminUrl(), name);
      const started = performance.now();
      await copyDatabase({ from: `file:${file}`, to: pgUrl, batchSize: 2000, progress: progressBar });
      console.log(`  copy to PostgreSQL (db:copy): ${((performance.now() - started) / 1000).toFixed(1)} s`);
      const pg = createPrismaClient(pgUrl);
      await pg.$transaction((tx) => tx.$executeRawUnsafe("ANALYZE"));
      for (const run of timeBoth("PostgreSQL", pg)) results.push(await run());
      await pg.$disconnect();
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
