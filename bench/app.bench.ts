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
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import Database from "better-sqlite3";
import { asReview, callAction, newClient, signUpHttp } from "../e2e/support/app-actions";
import type { ActionClient } from "../e2e/support/actions-http";
import { pool, rawRequest } from "../e2e/support/http";
import { DEFAULT_SETTINGS } from "../lib/srs/settings";
import { createPrismaClient } from "../prisma/client";
import { adminUrl, createDatabase, dropDatabase, scratchName, unreachableReason, urlFor } from "../scripts/db/pg-admin";
import { builtRoutes, firstLoadJs, kB } from "../scripts/first-load-js";
import pg from "pg";
import { emptyHistory, historyRows, randomPlan, writeHistorySqlite, type HistoryRows } from "../scripts/history/insert-history";
import { writeHistoryPostgres } from "../scripts/history/insert-history-postgres";

type Engine = "sqlite" | "postgresql";
const QUICK = process.env.BENCH_QUICK === "1";
const ONE_USER_GRADES = QUICK ? 60 : 200;
const MANY_USERS = 16;
const GRADES_PER_USER = QUICK ? 15 : 30; // 480 timed grades per 16-user load
const BIG_USERS = 1000;
const BIG_CARDS_PER_USER = 25;
const BIG_REVIEWS_PER_CARD = 4;
const TTFB_RUNS = QUICK ? 8 : 20;
const BASE_PORT = Number(process.env.BENCH_PORT ?? 3390);

const sorted = (xs: number[]) => [...xs].sort((a, b) => a - b);
const quantile = (xs: number[], q: number) => (xs.length ? sorted(xs)[Math.min(xs.length - 1, Math.floor(q * xs.length))] : NaN);
const median = (xs: number[]) => quantile(xs, 0.5);
const ms = (x: number) => (Number.isFinite(x) ? `${x.toFixed(x < 10 ? 2 : 1)} ms` : "–");
const log = (s: string) => console.log(`[bench] ${s}`);

// ---------------------------------------------------------------- databases

interface Target {
  engine: Engine;
  url: string;
  /** removes the database */
  drop: () => Promise<void>;
}

const files: string[] = [];
function sqliteTarget(name: string): Target {
  const file = `data/bench-${name}-${process.pid}.db`;
  files.push(file);
  const drop = async () => {
    for (const s of ["", "-wal", "-shm", "-journal"]) rmSync(file + s, { force: true });
  };
  return { engine: "sqlite", url: `file:./${file}`, drop };
}

async function pgTarget(label: string, template?: string): Promise<Target & { name: string }> {
  const name = scratchName(label);
  await createDatabase(adminUrl(), name, template);
  return { engine: "postgresql", name, url: urlFor(adminUrl(), name), drop: () => dropDatabase(adminUrl(), name) };
}

/** scripts/prepare-db.ts (migrations, content sync: what npm start does first) on `url`, in a child. */
function prepare(url: string): Promise<number> {
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
interface BigData {
  ids: string[];
  rows: HistoryRows;
}

function bigHistory(cards: string[]): BigData {
  const now = new Date();
  const ids = Array.from({ length: BIG_USERS }, (_, i) => `bench-user-${i}`);
  const rows = emptyHistory();
  ids.forEach((id, i) => {
    const mine = Array.from({ length: BIG_CARDS_PER_USER }, (_, k) => cards[(i * 7 + k * 13) % cards.length]);
    historyRows(id, randomPlan([...new Set(mine)], BIG_REVIEWS_PER_CARD, now, 180, DEFAULT_SETTINGS, i + 1), DEFAULT_SETTINGS, rows);
  });
  return { ids, rows };
}

/** Writes the 1,000 users (Prisma) and their history (the engine's bulk writer) into `t`; returns what the database then holds for them. */
async function seedBig(t: Target, big: BigData): Promise<{ users: number; logs: number }> {
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

// ---------------------------------------------------------------- load

interface Load {
  users: number;
  grades: number;
  acked: number;
  failed: number;
  p50: number;
  p99: number;
  perSecond: number;
  /** timed grades (the sample behind p50 and p99) */
  latencies: number;
  emails: string[];
  logIds: Set<string>;
}

async function catalogueCards(url: string): Promise<string[]> {
  const db = createPrismaClient(url);
  try {
    return (await db.card.findMany({ where: { archivedAt: null }, select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
  } finally {
    await db.$disconnect();
  }
}

/** `users` fresh users (signed up over HTTP, spread over the ports) each grade `perUser` cards without pause. */
async function gradeLoad(ports: number[], users: number, perUser: number, cards: string[], tag: string): Promise<Load> {
  const clients: ActionClient[] = Array.from({ length: users }, (_, u) => newClient(ports[u % ports.length]));
  const emails = await pool(clients.map((c) => async () => (await signUpHttp(c, tag)).email), 4);
  // warm-up: the review screen twice per user (not timed)
  await pool(clients.map((c) => async () => { await callAction(c, "loadReview", []); await callAction(c, "loadReview", []); }), 4);
  const latencies: number[] = [];
  const logIds = new Set<string>();
  let acked = 0;
  let failed = 0;
  const n = Math.min(perUser, cards.length);
  const started = performance.now();
  await Promise.all(
    clients.map(async (client, u) => {
      for (let k = 0; k < n; k++) {
        const cardId = cards[(u * 31 + k) % cards.length];
        const t = performance.now();
        const res = await callAction(client, "recordReview", { cardId, expectedVersion: 0, rating: 3, durationMs: 2000 });
        latencies.push(performance.now() - t);
        const r = asReview(res);
        if (res.status === 200 && r?.ok && r.undo?.logId) {
          acked++;
          logIds.add(r.undo.logId);
        } else failed++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { users, grades: users * n, acked, failed, p50: median(latencies), p99: quantile(latencies, 0.99), perSecond: acked / seconds, latencies: latencies.length, emails, logIds };
}

/** Acknowledged grades against what the database holds for these users. */
async function integrity(url: string, load: Load) {
  const db = createPrismaClient(url);
  try {
    const users = await db.user.findMany({ where: { email: { in: load.emails } }, select: { id: true } });
    const where = { userId: { in: users.map((u) => u.id) } };
    const logs = await db.reviewLog.count({ where });
    const versions = (await db.cardState.aggregate({ where, _sum: { version: true } }))._sum.version ?? 0;
    return { acked: load.acked, distinctAcked: load.logIds.size, logs, versions, ok: logs === load.acked && load.logIds.size === load.acked && versions === logs };
  } finally {
    await db.$disconnect();
  }
}

/** Time to the response headers of a signed-in GET, median of TTFB_RUNS after 2 warm-ups. */
async function ttfb(client: ActionClient, route: string): Promise<number> {
  const once = () =>
    new Promise<number>((resolve, reject) => {
      const t = performance.now();
      const req = http.get({ host: "127.0.0.1", port: client.port, path: route, headers: { host: `localhost:${client.port}`, cookie: client.jar.header() } }, (res) => {
        const first = performance.now() - t;
        if (res.statusCode !== 200) reject(new Error(`${route}: ${res.statusCode}`));
        res.resume();
        res.on("end", () => resolve(first));
      });
      req.on("error", reject);
    });
  const xs: number[] = [];
  for (let i = 0; i < TTFB_RUNS + 2; i++) {
    const x = await once();
    if (i >= 2) xs.push(x);
  }
  return median(xs);
}

/** Resident memory of the process listening on `port` (current and peak), MiB. */
function serverRss(port: number): { rss: number; peak: number } | null {
  const out = spawnSync("ss", ["-ltnpH", `sport = :${port}`], { encoding: "utf8" }).stdout ?? "";
  const pid = /pid=(\d+)/.exec(out)?.[1];
  if (!pid) return null;
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kb = (key: string) => Number(new RegExp(`${key}:\\s+(\\d+)`).exec(status)?.[1] ?? NaN);
  return { rss: kb("VmRSS") / 1024, peak: kb("VmHWM") / 1024 };
}

const SECRET = randomBytes(32).toString("base64");

/**
 * scripts/serve.ts (what npm start runs after preparing the database) on `port`, against a
 * database the bench has already prepared. Not scripts/start.mjs: a second instance's start-up
 * migration fails while the first serves the same SQLite file (see README, "Performance").
 */
function server(port: number, url: string) {
  let child: ChildProcess | null = null;
  const output: string[] = [];
  return {
    async start(timeoutMs = 120_000) {
      // BENCH_CPU_PROFILE=<dir>: the server runs under --cpu-prof (tsx as an --import loader, in one process)
      const profile = process.env.BENCH_CPU_PROFILE;
      const args = profile ? ["--cpu-prof", `--cpu-prof-dir=${profile}`, "--import", "tsx", "scripts/serve.ts"] : ["node_modules/tsx/dist/cli.mjs", "scripts/serve.ts"];
      child = spawn(process.execPath, args, {
        env: {
          ...process.env,
          NODE_ENV: "production",
          NEXT_TELEMETRY_DISABLED: "1",
          PORT: String(port),
          DATABASE_URL: url,
          AUTH_SECRET: SECRET,
          SIGNUP_LIMIT_PER_HOUR: "100000",
          PASSWORD_HASHES_PER_SECOND: "500",
        },
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      });
      for (const s of [child.stdout, child.stderr]) s?.on("data", (d: Buffer) => output.push(d.toString()));
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if (child.exitCode !== null) throw new Error(`server on ${port} exited with ${child.exitCode}:\n${output.join("").slice(-3000)}`);
        if (await rawRequest({ port, path: "/tricks", timeoutMs: 5_000 }).then((r) => r.status === 200, () => false)) return;
        await new Promise((r) => setTimeout(r, 250));
      }
      throw new Error(`server on ${port} did not answer:\n${output.join("").slice(-3000)}`);
    },
    async stop() {
      const c = child;
      if (!c?.pid || c.exitCode !== null) return;
      const exited = new Promise((r) => c.once("exit", r));
      try {
        process.kill(-c.pid, "SIGTERM");
      } catch {
        // already gone
      }
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
    },
  };
}

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

/** The first port from `from` that nothing listens on (a leftover server would otherwise answer the start-up probe). */
async function freePort(from: number, except: number[] = []): Promise<number> {
  for (let port = from; port < from + 100; port++) {
    if (except.includes(port)) continue;
    const free = await new Promise<boolean>((resolve) => {
      const probe = net.createServer();
      probe.once("error", () => resolve(false));
      probe.listen(port, "0.0.0.0", () => probe.close(() => resolve(true)));
    });
    if (free) return port;
    log(`port ${port} is in use: trying the next`);
  }
  throw new Error(`no free port from ${from}`);
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
    for (const route of ["/review", "/progress", "/tricks"]) times[route] = await ttfb(reader, route);
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
    const big = bigHistory(cards);
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
