// npm run bench:flood — how much a flood of sign-in attempts slows an ordinary visitor.
// Starts the production server (scripts/serve.ts, needs a build: `npm run build`) on a fresh
// SQLite file, times GET /tricks alone, then again while 32 concurrent clients send sign-in
// attempts for random emails from rotating X-Forwarded-For values and rotating loopback source
// addresses (127.0.0.2-127.0.0.250, so the per-address limit does not stop them all). Prints
// medians and the ratio. Target (issue 8): flooded page time within 2x of idle.
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";

const PORT = Number(process.env.BENCH_PORT ?? 3390);
const FLOOD_MS = Number(process.env.BENCH_FLOOD_MS ?? 15_000);
const CONCURRENCY = 32;
const dir = mkdtempSync(path.join(os.tmpdir(), "trickdeck-flood-"));
const env = { ...process.env, DATABASE_URL: `file:${path.join(dir, "flood.db")}`, PORT: String(PORT), HOST: "0.0.0.0", NODE_ENV: "production", AUTH_SECRET: "flood-bench-secret-0123456789abcdef0123", NEXT_TELEMETRY_DISABLED: "1" };

const prep = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/prepare-db.ts"], { env, stdio: "inherit" });
if (prep.status !== 0) process.exit(1);
const server = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/serve.ts"], { env, stdio: ["ignore", "pipe", "inherit"] });
await new Promise((resolve) => server.stdout.on("data", (d) => String(d).includes("listening") && resolve()));

function request({ method = "GET", path: p, headers = {}, body, localAddress }) {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port: PORT, method, path: p, headers, localAddress, agent: false }, (res) => {
      const chunks = [];
      res.on("data", (c) => chunks.push(c));
      res.on("end", () => resolve({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks).toString() }));
    });
    req.on("error", reject);
    if (body) req.write(body);
    req.end();
  });
}

const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
async function pageTimes(n) {
  const xs = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    const r = await request({ path: "/tricks", headers: { host: `localhost:${PORT}` } });
    if (r.status !== 200) throw new Error(`GET /tricks answered ${r.status}`);
    xs.push(performance.now() - t);
  }
  return xs;
}

// Auth.js's credentials endpoint needs its CSRF cookie and token
const csrf = await request({ path: "/api/auth/csrf", headers: { host: `localhost:${PORT}` } });
const token = JSON.parse(csrf.body).csrfToken;
const cookie = [csrf.headers["set-cookie"]].flat().map((c) => c.split(";")[0]).join("; ");

await pageTimes(10); // warm-up
const idle = await pageTimes(40);

let attempts = 0;
let stop = false;
const statuses = new Map();
async function flooder(k) {
  while (!stop) {
    const i = attempts++;
    const body = new URLSearchParams({ csrfToken: token, email: `victim${i % 500}@example.com`, password: `guess ${i}`, callbackUrl: "/" }).toString();
    const r = await request({
      method: "POST",
      path: "/api/auth/callback/credentials",
      headers: { host: `localhost:${PORT}`, cookie, "content-type": "application/x-www-form-urlencoded", "content-length": Buffer.byteLength(body), "x-forwarded-for": `198.51.100.${i % 250}` },
      body,
      localAddress: `127.0.0.${2 + ((k * 7 + i) % 248)}`,
    }).catch(() => ({ status: "error" }));
    statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
  }
}
const flood = Array.from({ length: CONCURRENCY }, (_, k) => flooder(k));
await new Promise((r) => setTimeout(r, 1000));
const t0 = performance.now();
const flooded = [];
while (performance.now() - t0 < FLOOD_MS) flooded.push(...(await pageTimes(5)));
stop = true;
await Promise.all(flood);

const m0 = median(idle);
const m1 = median(flooded);
console.log("\nSign-in flood (one run, medians of GET /tricks)");
console.log(`| state | requests | median ms |`);
console.log(`| --- | ---: | ---: |`);
console.log(`| idle | ${idle.length} | ${m0.toFixed(1)} |`);
console.log(`| ${CONCURRENCY} clients flooding sign-in (${attempts} attempts in ${((performance.now() - t0) / 1000).toFixed(0)} s) | ${flooded.length} | ${m1.toFixed(1)} |`);
console.log(`ratio flooded / idle: ${(m1 / m0).toFixed(2)}x (target <= 2x)`);
console.log(`sign-in responses by status: ${JSON.stringify(Object.fromEntries(statuses))}`);
server.kill("SIGTERM");
rmSync(dir, { recursive: true, force: true });
process.exit(0);
