// npm start: prepare the database (migrate + content sync), build when the sources are newer
// than the last build, then serve on PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildAnnouncement, formatSeconds, heartbeat } from "./start-progress.mjs";

const run = (args, extraEnv = {}) => {
  const r = spawnSync(process.execPath, args, { stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (r.status !== 0) process.exit(r.status ?? 1);
};

const SOURCES = ["app", "components", "lib", "server", "public", "prisma/schema.prisma", "next.config.js", "postcss.config.mjs", "package-lock.json"];

function newestMtime(p) {
  if (!existsSync(p)) return 0;
  const st = statSync(p);
  if (!st.isDirectory()) return st.mtimeMs;
  return readdirSync(p).reduce((max, name) => Math.max(max, newestMtime(path.join(p, name))), st.mtimeMs);
}

// What start says goes to the console and, when START_LOG names a file, there too, with the
// time of each line (the end-to-end suite reads it to check that a first start is never silent)
if (process.env.START_LOG) {
  mkdirSync(path.dirname(process.env.START_LOG), { recursive: true });
  writeFileSync(process.env.START_LOG, "");
}
const say = (line) => {
  console.log(line);
  if (process.env.START_LOG) appendFileSync(process.env.START_LOG, `${Date.now()} ${line}\n`);
};

say("[start] preparing the database: migrations and content sync (a few seconds)");
run(["node_modules/tsx/dist/cli.mjs", "scripts/prepare-db.ts"]);

const buildId = ".next/BUILD_ID";
const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
if (process.env.SKIP_BUILD !== "1" && SOURCES.some((s) => newestMtime(s) > built)) await build(built === 0);
else say(process.env.SKIP_BUILD === "1" ? "[start] SKIP_BUILD=1: serving the existing build" : "[start] the build is up to date");

/** next build, announced with a rough duration and a heartbeat; remembers how long it took. */
async function build(firstBuild) {
  const timing = "data/last-build-seconds";
  const last = existsSync(timing) ? Number(readFileSync(timing, "utf8")) : NaN;
  say(buildAnnouncement(last, firstBuild));
  const started = Date.now();
  const ticker = setInterval(() => say(heartbeat((Date.now() - started) / 1000, last)), 15_000);
  const child = spawn(process.execPath, ["node_modules/next/dist/bin/next", "build"], { stdio: "inherit", env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" } });
  const code = await new Promise((resolve) => child.on("exit", (c) => resolve(c ?? 1)));
  clearInterval(ticker);
  if (code !== 0) process.exit(code);
  const seconds = (Date.now() - started) / 1000;
  mkdirSync("data", { recursive: true });
  writeFileSync(timing, `${Math.round(seconds)}\n`);
  say(`[start] built in ${formatSeconds(seconds)}`);
}

// Auth.js needs a secret in production. A local run keeps a generated one in data/auth-secret;
// a real deployment sets AUTH_SECRET itself.
if (!process.env.AUTH_SECRET) {
  const file = "data/auth-secret";
  if (!existsSync(file)) {
    mkdirSync("data", { recursive: true });
    writeFileSync(file, randomBytes(32).toString("base64") + "\n", { mode: 0o600 });
    console.log("Generated a local AUTH_SECRET in data/auth-secret (set AUTH_SECRET yourself in production).");
  }
  process.env.AUTH_SECRET = readFileSync(file, "utf8").trim();
}

const port = process.env.PORT ?? "3000";
say(`Trickdeck is starting on http://localhost:${port}`);
// scripts/serve.ts: Next's handler behind a Node server that tells the app the true client address
const server = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/serve.ts"], {
  stdio: "inherit",
  env: { NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...process.env, PORT: port },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
