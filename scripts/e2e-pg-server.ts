// The end-to-end suite's PostgreSQL app server (playwright.config.ts, project "postgres"):
// recreates its database (a trickdeck_pg_* name on TEST_POSTGRES_URL's server), waits until the
// SQLite server is up (it builds the app once for both), then starts the app without building.
import { spawn } from "node:child_process";
import { createDatabase, dropDatabase } from "./db/pg-admin";

const url = process.env.DATABASE_URL!;
const admin = process.env.TEST_POSTGRES_URL!;
const name = new URL(url).pathname.slice(1);
await dropDatabase(admin, name);
await createDatabase(admin, name);

const waitFor = process.env.WAIT_FOR_URL;
for (let i = 0; waitFor && i < 600; i++) {
  const up = await fetch(waitFor).then((r) => r.ok, () => false);
  if (up) break;
  await new Promise((r) => setTimeout(r, 1000));
}
const server = spawn(process.execPath, ["scripts/start.mjs"], { stdio: "inherit", env: { ...process.env, SKIP_BUILD: "1" } });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => server.kill(signal));
server.on("exit", (code) => process.exit(code ?? 0));
