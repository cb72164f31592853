// npm start: prepare the database (migrate + content sync), build when the sources are newer
// than the last build, then serve on PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

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

run(["node_modules/tsx/dist/cli.mjs", "scripts/prepare-db.ts"]);

const buildId = ".next/BUILD_ID";
const built = existsSync(buildId) ? statSync(buildId).mtimeMs : 0;
if (process.env.SKIP_BUILD !== "1" && SOURCES.some((s) => newestMtime(s) > built)) {
  console.log("Building the app (sources changed since the last build)...");
  run(["node_modules/next/dist/bin/next", "build"], { NEXT_TELEMETRY_DISABLED: "1" });
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
console.log(`Trickdeck is starting on http://localhost:${port}`);
// scripts/serve.ts: Next's handler behind a Node server that tells the app the true client address
const server = spawn(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/serve.ts"], {
  stdio: "inherit",
  env: { NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production", ...process.env, PORT: port },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
