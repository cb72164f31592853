// npm run bench (first part): the one table of issue 10, on SQLite and on PostgreSQL, against the
// production build (built once if .next is missing) served as `npm start` serves it
// (scripts/start.mjs → scripts/serve.ts).
//   - the grade round trip over HTTP (the real server action request, e2e/support/actions-http.ts)
//     at 1 user and at 16 users grading without pause: p50, p99, reviews/s;
//   - two instances on one database, 16 users split across both: scaling, and lost or double
//     grades (acknowledged grades = ReviewLog rows = sum of card versions);
//   - the same 1 and 16 users on the same server and database once 1,000 more users with 100,000
//     review logs are written into it (ratios);
//   - in process: action / store / bare transaction (bench/grade-inprocess.bench.ts, if present);
//   - TTFB of /review, /progress, /tricks signed in; server RSS;
//   - /progress server time for 100,000 logs (bench/progress.bench.ts, run as a child);
//   - first-load JS per route (scripts/first-load-js.ts).
// Seeds its own databases (data/bench-*.db, trickdeck_pg_bench* scratch databases) and removes
// them. The 1,000 users' history is computed once with ts-fsrs and written to both engines (SQLite:
// prepared statements; PostgreSQL: multi-row INSERTs, scripts/history/insert-history-postgres.ts).
// Per engine, two instances start once and serve every phase. Figures are medians of one run;
// compare them only within a run.
// Environment: BENCH_QUICK=1 (fewer grades), BENCH_SKIP_PROGRESS=1, BENCH_ENGINES=sqlite,
// BENCH_CPU_PROFILE=<dir> (a V8 CPU profile of each server, written when it stops).
// Its parts: bench/app/databases.ts (scratch databases, the 1,000 users' history), bench/app/http.ts
// (servers, the grading load and its checks, TTFB, RSS), bench/app/figures.ts.
import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { callAction, newClient, signUpHttp } from "../e2e/support/app-actions";
import { adminUrl, unreachableReason } from "../scripts/db/pg-admin";
import { builtRoutes, firstLoadJs, kB } from "../scripts/first-load-js";
import { bigHistory, catalogueCards, pgTarget, prepare, seedBig, sqliteTarget, type BigData, type Engine, type Target } from "./app/databases";
import { log, ms } from "./app/figures";
import { freePort, gradeLoad, integrity, server, serverRss, ttfb, type Load } from "./app/http";

const QUICK = process.env.BENCH_QUICK === "1";
const ONE_USER_GRADES = QUICK ? 60 : 200;
const MANY_USERS = 16;
const GRADES_PER_USER = QUICK ? 15 : 30; // 480 timed grades per 16-user load
const BIG_USERS = 1000;
const BIG_CARDS_PER_USER = 25;
const BIG_REVIEWS_PER_CARD = 4;
const TTFB_RUNS = QUICK ? 8 : 20;
const BASE_PORT = Number(process.env.BENCH_PORT ?? 3390);

// ---------------------------------------------------------------- one engine

interface EngineFigures {
  engine: Engine;
  one: Load;
  many: Load;
  bigOne: Load;
  bigMany: Load;
  bigSeed: { users: number; logs: number };
  two: Load;
  twoCheck: Awaited<ReturnType<typeof integrity>>;
  oneCheck: Awaited<ReturnType<typeof integrity>>;
  bigCheck: Awaited<ReturnType<typeof integrity>>;
  ttfb: Record<string, number>;
  rss: { rss: number; peak: number } | null;
  inProcess: { bare: number; store: number; action: number } | string;
}


async function runEngine(engine: Engine, t: Target, big: BigData, inProcess: EngineFigures["inProcess"]): Promise<EngineFigures> {
  const A = await freePort(BASE_PORT);
  const B = await freePort(A + 1, [A]);
  // both instances start together (the second idles until the two-instance phase) and serve
  // every phase: no restart between phases
  log(`${engine}: starting two instances on one database`);
  const sA = server(A, t.url);
  const sB = server(B, t.url);
  const cards = await catalogueCards(t.url);
  try {
    await Promise.all([sA.start(), sB.start()]);
    log(`${engine}: one instance`);
    const one = await gradeLoad([A], 1, ONE_USER_GRADES, cards, `bench1-${engine}`);
    log(`  1 user: p50 ${ms(one.p50)}, p99 ${ms(one.p99)} (${one.latencies} grades)`);
    const many = await gradeLoad([A], MANY_USERS, GRADES_PER_USER, cards, `bench16-${engine}`);
    log(`  16 users: p50 ${ms(many.p50)}, p99 ${ms(many.p99)}, ${many.perSecond.toFixed(0)}/s (${many.latencies} grades)`);
    const reader = newClient(A);
    await signUpHttp(reader, `benchttfb-${engine}`);
    // a short history so the pages have something to show
    for (const cardId of cards.slice(0, 20)) await callAction(reader, "recordReview", { cardId, expectedVersion: 0, rating: 3, durationMs: 2000 });
    const times: Record<string, number> = {};
    for (const route of ["/review", "/progress", "/tricks"]) times[route] = await ttfb(reader, route, TTFB_RUNS);
    const rss = serverRss(A);
    const oneCheck = await integrity(t.url, many);

    log(`${engine}: two instances, 16 users split across both`);
    const two = await gradeLoad([A, B], MANY_USERS, GRADES_PER_USER, cards, `bench2x-${engine}`);
    log(`  16 users on 2 instances: p50 ${ms(two.p50)}, p99 ${ms(two.p99)}, ${two.perSecond.toFixed(0)}/s`);
    await sB.stop();
    const twoCheck = await integrity(t.url, two);

    log(`${engine}: writing 1,000 users with history into the same database (instance A idle)`);
    const seedStarted = performance.now();
    const bigSeed = await seedBig(t, big);
    log(`  ${bigSeed.users} users, ${bigSeed.logs} review logs in ${((performance.now() - seedStarted) / 1000).toFixed(1)} s`);
    if (bigSeed.users !== BIG_USERS || bigSeed.logs !== big.rows.logs.length) throw new Error(`${engine}: the 1,000-user seed holds ${bigSeed.users} users and ${bigSeed.logs} logs, expected ${BIG_USERS} and ${big.rows.logs.length}`);
    log(`${engine}: one instance, 1,000 more users with history`);
    const bigOne = await gradeLoad([A], 1, ONE_USER_GRADES, cards, `bigbench1-${engine}`);
    const bigMany = await gradeLoad([A], MANY_USERS, GRADES_PER_USER, cards, `bigbench16-${engine}`);
    log(`  1 user p50 ${ms(bigOne.p50)}, p99 ${ms(bigOne.p99)}; 16 users ${bigMany.perSecond.toFixed(0)}/s, p99 ${ms(bigMany.p99)}`);
    const bigCheck = await integrity(t.url, bigMany);
    return { engine, one, many, bigOne, bigMany, bigSeed, two, twoCheck, oneCheck, bigCheck, ttfb: times, rss, inProcess };
  } finally {
    await sB.stop();
    await sA.stop();
  }
}

async function inProcessFigures(engine: Engine): Promise<EngineFigures["inProcess"]> {
  const file = path.resolve("bench/grade-inprocess.bench.ts");
  if (!existsSync(file)) return "not available (bench/grade-inprocess.bench.ts missing)";
  try {
    const mod = (await import(file)) as { measureInProcess?: (e: Engine) => Promise<{ bare: number; store: number; action: number }> };
    if (!mod.measureInProcess) return "not available (no measureInProcess export)";
    return await mod.measureInProcess(engine);
  } catch (err) {
    return `failed: ${(err as Error).message.split("\n")[0]}`;
  }
}

/** bench/progress.bench.ts as a child: its 100,000-log figures (SQLite and PostgreSQL). */
function progressFigures(pgTemplate: string | null): Record<string, number> {
  if (process.env.BENCH_SKIP_PROGRESS === "1") return {};
  const dir = mkdtempSync(path.join(os.tmpdir(), "trickdeck-bench-json-"));
  const out = path.join(dir, "progress.json");
  try {
    const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "--conditions=react-server", "bench/progress.bench.ts"], { env: { ...process.env, BENCH_JSON: out, ...(pgTemplate ? { BENCH_PG_TEMPLATE: pgTemplate } : {}) }, stdio: "inherit" });
    if (r.status !== 0 || !existsSync(out)) return {};
    return Object.fromEntries((JSON.parse(readFileSync(out, "utf8")) as { label: string; median: number }[]).map((x) => [x.label, x.median]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------- table

function table(figs: EngineFigures[], progress: Record<string, number>, firstLoad: { route: string; gzipBytes: number }[]) {
  const rows: string[][] = [];
  const col = (f: (e: EngineFigures) => string) => figs.map(f);
  const met = (ok: boolean[]) => (ok.every(Boolean) ? "met" : ok.some(Boolean) ? "partly" : "NOT met");
  const add = (what: string, cells: string[], target: string, ok: boolean[] | null) => rows.push([what, ...cells, target, ok ? met(ok) : ""]);
  const ratio = (a: number, b: number) => `${(a / b).toFixed(2)}x`;

  add("HTTP grade, 1 user: p50", col((e) => ms(e.one.p50)), "≤ 8 ms", figs.map((e) => e.one.p50 <= 8));
  add("HTTP grade, 1 user: p99", col((e) => ms(e.one.p99)), "≤ 25 ms", figs.map((e) => e.one.p99 <= 25));
  add("HTTP grade, 16 users: reviews/s", col((e) => e.many.perSecond.toFixed(0)), "≥ 200/s", figs.map((e) => e.many.perSecond >= 200));
  add("HTTP grade, 16 users: p50 / p99", col((e) => `${ms(e.many.p50)} / ${ms(e.many.p99)}`), "p99 ≤ 150 ms", figs.map((e) => e.many.p99 <= 150));
  add("two instances, 16 users: reviews/s (× one)", col((e) => `${e.two.perSecond.toFixed(0)} (${ratio(e.two.perSecond, e.many.perSecond)})`), "≥ 1.6x", figs.map((e) => e.two.perSecond / e.many.perSecond >= 1.6));
  add(
    "lost or double grades (acked / logs / versions; failed: 16 users on 1, on 2 instances, with 1,000 users)",
    col((e) => ([[e.oneCheck, e.many], [e.twoCheck, e.two], [e.bigCheck, e.bigMany]] as const).map(([c, l]) => `${c.acked}/${c.logs}/${c.versions}${c.ok ? "" : " ✗"}; ${l.failed} failed`).join(", ")),
    "none",
    figs.map((e) => e.oneCheck.ok && e.twoCheck.ok && e.bigCheck.ok),
  );
  const ip = (e: EngineFigures) => (typeof e.inProcess === "string" ? null : e.inProcess);
  add("in process: bare transaction", col((e) => (ip(e) ? ms(ip(e)!.bare) : String(e.inProcess))), "", null);
  add("in process: grade store (× bare)", col((e) => (ip(e) ? `${ms(ip(e)!.store)} (${ratio(ip(e)!.store, ip(e)!.bare)})` : "–")), "≤ 5x (hard 10x)", figs.map((e) => !!ip(e) && ip(e)!.store / ip(e)!.bare <= 5));
  add("in process: whole action (× bare)", col((e) => (ip(e) ? `${ms(ip(e)!.action)} (${ratio(ip(e)!.action, ip(e)!.bare)})` : "–")), "≤ 3 ms", figs.map((e) => !!ip(e) && ip(e)!.action <= 3));
  const r = (a: number, b: number) => a / b;
  add(
    "1,000 users / 1 user: 1-user p50, p99; 16-user reviews/s, p99",
    col((e) => [r(e.bigOne.p50, e.one.p50), r(e.bigOne.p99, e.one.p99), r(e.many.perSecond, e.bigMany.perSecond), r(e.bigMany.p99, e.many.p99)].map((x) => x.toFixed(2)).join(", ")),
    "≤ 1.2 each",
    figs.map((e) => [r(e.bigOne.p50, e.one.p50), r(e.bigOne.p99, e.one.p99), r(e.many.perSecond, e.bigMany.perSecond), r(e.bigMany.p99, e.many.p99)].every((x) => x <= 1.2)),
  );
  for (const route of ["/review", "/progress", "/tricks"]) add(`TTFB ${route} (signed in)`, col((e) => ms(e.ttfb[route])), "", null);
  const prog = (engine: Engine) => progress[`${engine === "sqlite" ? "SQLite" : "PostgreSQL"}: progress page, getProgress()`];
  add("/progress server time, 100,000 logs", col((e) => (prog(e.engine) === undefined ? "not run" : ms(prog(e.engine)))), "< 100 ms", figs.map((e) => prog(e.engine) !== undefined && prog(e.engine) < 100));
  add("server RSS after load (peak)", col((e) => (e.rss ? `${e.rss.rss.toFixed(0)} MiB (${e.rss.peak.toFixed(0)})` : "–")), "", null);
  const budget = ["/review", "/quiz"].map((route) => firstLoad.find((f) => f.route === route) ?? { route, gzipBytes: NaN });
  add("first-load JS /review, /quiz (gz)", figs.map(() => budget.map((f) => (Number.isFinite(f.gzipBytes) ? kB(f.gzipBytes) : "–")).join(", ")), "≤ 130 kB each", [budget.every((f) => f.gzipBytes <= 130_000)]);

  const header = ["what", ...figs.map((e) => (e.engine === "sqlite" ? "SQLite" : "PostgreSQL")), "target", ""];
  const lines = [`| ${header.join(" | ")} |`, `| ${header.map(() => "---").join(" | ")} |`, ...rows.map((x) => `| ${x.join(" | ")} |`)];
  console.log(`\n${lines.join("\n")}`);
  console.log(`\nFirst-load JS per route (gzipped): ${firstLoad.map((f) => `${f.route} ${kB(f.gzipBytes)}`).join(", ")}`);
}

// ---------------------------------------------------------------- main

async function main() {
  if (!existsSync(".next/BUILD_ID")) {
    log("no production build: next build (a few minutes)");
    const b = spawnSync(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
    if (b.status !== 0) throw new Error("next build failed");
  }
  const started = performance.now();
  const firstLoad = builtRoutes().map((route) => ({ route, gzipBytes: firstLoadJs(route).gzipBytes }));
  const engines = (process.env.BENCH_ENGINES ?? "sqlite,postgresql").split(",") as Engine[];
  const targets: Target[] = [];
  const figs: EngineFigures[] = [];
  let progress: Record<string, number> = {};
  try {
    // set-up, overlapped (nothing is measured yet): the SQLite file and a prepared PostgreSQL
    // template database (cloned for this bench and for the /progress bench) are prepared in two
    // children while this process computes the 1,000 users' history
    const ready: { engine: Engine; t: Target }[] = [];
    let template: string | null = null;
    let pgPrepared: Promise<number> | null = null;
    if (engines.includes("postgresql")) {
      const why = await unreachableReason(adminUrl());
      if (why) log(`PostgreSQL unreachable (${why}): SQLite only`);
      else {
        const tpl = await pgTarget("bench_tpl");
        targets.push(tpl);
        template = tpl.name;
        pgPrepared = prepare(tpl.url);
      }
    }
    const sqlite = sqliteTarget("http");
    targets.push(sqlite);
    const sqlitePrepared = prepare(sqlite.url);
    log(`sqlite: database prepared (migrations, content sync) in ${(await sqlitePrepared).toFixed(1)} s`);
    const cards = await catalogueCards(sqlite.url);
    if (engines.includes("sqlite")) ready.push({ engine: "sqlite", t: sqlite });
    const computeStarted = performance.now();
    const big = bigHistory(cards, BIG_USERS, BIG_CARDS_PER_USER, BIG_REVIEWS_PER_CARD);
    log(`history of ${BIG_USERS} users computed with ts-fsrs (${big.rows.logs.length} logs) in ${((performance.now() - computeStarted) / 1000).toFixed(1)} s`);
    if (pgPrepared && template) {
      log(`postgresql: template database prepared in ${(await pgPrepared).toFixed(1)} s`);
      const t = await pgTarget("bench_http", template);
      targets.push(t);
      const pgCards = await catalogueCards(t.url);
      if (pgCards.join("\n") !== cards.join("\n")) throw new Error("the PostgreSQL catalogue differs from the SQLite one");
      ready.push({ engine: "postgresql", t });
    }
    log(`set-up done in ${((performance.now() - started) / 1000).toFixed(0)} s`);
    for (const { engine, t } of ready) figs.push(await runEngine(engine, t, big, await inProcessFigures(engine)));
    log(`HTTP part done in ${((performance.now() - started) / 1000).toFixed(0)} s; now the /progress bench (100,000 logs)`);
    progress = progressFigures(template);
  } finally {
    for (const t of targets) await t.drop().catch((err) => log(`cleanup of ${t.url} failed: ${err}`));
  }
  const f0 = figs[0];
  console.log(
    `\nIssue 10 bench: ${figs.map((f) => f.engine).join(" + ")}; p50/p99 over ${f0?.one.latencies ?? 0} timed grades (1 user) and ${f0?.many.latencies ?? 0} (${MANY_USERS} users × ${GRADES_PER_USER}), after 2 untimed review loads per user; ` +
      `TTFB median of ${TTFB_RUNS} after 2 warm-ups; 1,000-user database: ${f0?.bigSeed.users ?? 0} users, ${f0?.bigSeed.logs ?? 0} logs, same rows on both engines; ` +
      `${os.cpus().length} cores, load average ${os.loadavg().map((x) => x.toFixed(2)).join(" ")}; total ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  table(figs, progress, firstLoad);
}

main().then(
  () => process.exit(0),
  (err) => {
    console.error(err);
    process.exit(1);
  },
);
