// npm start: prepare the database (migrate + content sync), build when the sources are newer
// than the last build, then serve on PORT (default 3000).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
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

const port = process.env.PORT ?? "3000";
console.log(`Trickdeck is starting on http://localhost:${port}`);
const server = spawn(process.execPath, ["node_modules/next/dist/bin/next", "start", "-p", port], {
  stdio: "inherit",
  env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env },
});
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
