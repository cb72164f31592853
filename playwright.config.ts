import { defineConfig, devices } from "@playwright/test";
import { randomBytes } from "node:crypto";

// One host name everywhere (Auth.js builds its CSRF cookie from it): localhost.
const PORT = Number(process.env.E2E_PORT ?? 3100);
const baseURL = `http://localhost:${PORT}`;
const executablePath = process.env.PLAYWRIGHT_CHROMIUM_PATH;
// The test server's secret, known to the tests so the attack suite can look for it in the client
// bundle. Set once in the runner; its workers inherit it.
process.env.E2E_AUTH_SECRET ??= randomBytes(32).toString("base64");

export default defineConfig({
  testDir: "e2e",
  fullyParallel: false,
  workers: 1,
  retries: process.env.CI ? 1 : 0,
  reporter: [["list"]],
  timeout: 30_000,
  use: {
    baseURL,
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
    { name: "desktop", testIgnore: "attack/**", use: { ...devices["Desktop Chrome"], channel: undefined } },
    // raw HTTP against the same production server (and a few of its own): e2e/attack/README.md
    { name: "attack", testDir: "e2e/attack", timeout: 120_000 },
  ],
  webServer: {
    // a fresh database file per run: migrated and synced from content/ by npm start
    command: `rm -f data/e2e.db data/e2e.db-wal data/e2e.db-shm && node scripts/start.mjs`,
    url: `${baseURL}/tricks`,
    timeout: 600_000, // a first build on a busy 2-core machine can take several minutes
    reuseExistingServer: false,
    // every test signs up fresh users from one address
    env: { PORT: String(PORT), DATABASE_URL: "file:./data/e2e.db", AUTH_SECRET: process.env.E2E_AUTH_SECRET, NEXT_TELEMETRY_DISABLED: "1", SIGNUP_LIMIT_PER_HOUR: "1000" },
    stdout: "pipe",
  },
});
