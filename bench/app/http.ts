// The bench's HTTP side (bench/app.bench.ts): production servers started as `npm start` serves,
// grading load through the real server-action request, and what it is checked and measured by.
import { spawn, spawnSync, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { readFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import { performance } from "node:perf_hooks";
import { asReview, callAction, newClient, signUpHttp } from "../../e2e/support/app-actions";
import type { ActionClient } from "../../e2e/support/actions-http";
import { pool, rawRequest } from "../../e2e/support/http";
import { createPrismaClient } from "../../prisma/client";
import { log, median, quantile } from "./figures";

export interface Load {
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

/** `users` fresh users (signed up over HTTP, spread over the ports) each grade `perUser` cards without pause. */
export async function gradeLoad(ports: number[], users: number, perUser: number, cards: string[], tag: string): Promise<Load> {
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
export async function integrity(url: string, load: Load) {
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

/** Time to the response headers of a signed-in GET, median of `runs` after 2 warm-ups. */
export async function ttfb(client: ActionClient, route: string, runs: number): Promise<number> {
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
  for (let i = 0; i < runs + 2; i++) {
    const x = await once();
    if (i >= 2) xs.push(x);
  }
  return median(xs);
}

/** Resident memory of the process listening on `port` (current and peak), MiB. */
export function serverRss(port: number): { rss: number; peak: number } | null {
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
export function server(port: number, url: string) {
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

/** The first port from `from` that nothing listens on (a leftover server would otherwise answer the start-up probe). */
export async function freePort(from: number, except: number[] = []): Promise<number> {
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
