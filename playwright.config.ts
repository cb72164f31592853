import { defineConfig, devices } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { urlFor } from "./scripts/db/pg-admin";

// One host name everywhere (Auth.js builds its CSRF cookie from it): localhost.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH;
// The test server's secret, known to the tests so the attack suite can look for it in the client
// bundle. Set once in the runner; its workers inherit it.
process.env.E2E_AUTH_SECRET ??= randomBytes(32).toString("base64");
// With TEST_POSTGRES_URL set, a second app server on PORT + 1 runs on PostgreSQL and the tests
// tagged @postgres (sign-up, review, undo, quiz, progress) run against it too.
const PG_ADMIN = process.env.TEST_POSTGRES_URL?.trim();
const PG_PORT = PORT + 1;
const PG_DATABASE = PG_ADMIN ? urlFor(PG_ADMIN, `trickdeck_pg_e2e_${PG_PORT}`) : null;
if (PG_ADMIN) process.env.E2E_PG_DATABASE = `trickdeck_pg_e2e_${PG_PORT}`; // for e2e/pg-teardown.ts
const SQLITE_DATABASE = "file:./data/e2e.db";
// every test signs up fresh users from one address
// many sign-ups from one address in a few minutes: limits that would refuse them are raised here
// (the limits themselves are tested in tests/ and e2e/attack/throttle.spec.ts)
const serverEnv = { NEXT_TELEMETRY_DISABLED: "1", SIGNUP_LIMIT_PER_HOUR: "1000", PASSWORD_HASHES_PER_SECOND: "500" };

export default defineConfig({
  testDir: "e2e",
  globalTeardown: "./e2e/pg-teardown.ts",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    trace: "retain-on-failure",
    launchOptions: {
      ...(executablePath ? { executablePath } : {}),
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "desktop", testIgnore: "attack/**", use: { ...devices["Desktop Chrome"], channel: undefined, baseURL }, metadata: { databaseUrl: SQLITE_DATABASE } },
    // raw HTTP against the same production server (and a few of its own): e2e/attack/README.md
    { name: "attack", testDir: "e2e/attack", timeout: 120_000, use: { baseURL } },
    ...(PG_DATABASE
      ? [{ name: "postgres", grep: /@postgres/, use: { ...devices["Desktop Chrome"], channel: undefined, baseURL: `http://localhost:${PG_PORT}` }, metadata: { databaseUrl: PG_DATABASE } }]
      : []),
  ],
  webServer: [
    {
      // a fresh database file per run: migrated and synced from content/ by npm start
      command: `rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && node scripts/start.mjs`,
      url: `${baseURL}/tricks`,
      timeout: 600_000, // a first build on a busy 2-core machine takes minutes
      reuseExistingServer: false,
      // START_LOG: e2e/first-start.spec.ts reads what npm start said, with times
      env: { ...serverEnv, PORT: String(PORT), DATABASE_URL: SQLITE_DATABASE, AUTH_SECRET: process.env.E2E_AUTH_SECRET, START_LOG: "data/e2e-start.log" },
      stdout: "pipe",
    },
    ...(PG_DATABASE
      ? [
          {
            command: "node node_modules/tsx/dist/cli.mjs scripts/e2e-pg-server.ts",
            url: `http://localhost:${PG_PORT}/tricks`,
            timeout: 720_000,
            reuseExistingServer: false,
            env: { ...serverEnv, PORT: String(PG_PORT), DATABASE_URL: PG_DATABASE, TEST_POSTGRES_URL: PG_ADMIN!, WAIT_FOR_URL: `${baseURL}/tricks` },
            stdout: "pipe" as const,
          },
        ]
      : []),
  ],
});
