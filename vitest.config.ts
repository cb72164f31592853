import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { defineConfig } from "vitest/config";
import { adminUrl, unreachableReason } from "./scripts/db/pg-admin";

// Every suite that opens a test database (tests/helpers/test-db.ts) runs twice: in project
// "sqlite" (with all other tests) and in project "postgresql" against TEST_POSTGRES_URL's server
// (default postgres://postgres@127.0.0.1:5432/postgres). With CI=true PostgreSQL is mandatory;
// elsewhere, without a reachable server, the PostgreSQL project is left out, loudly.
const dbSuites = readdirSync("tests")
  .filter((f) => f.endsWith(".test.ts") && /helpers\/(test-db|two-users)"/.test(readFileSync(path.join("tests", f), "utf8")))
  .map((f) => `tests/${f}`);

export default defineConfig(async () => {
  const why = await unreachableReason(adminUrl());
  if (why && process.env.CI === "true") throw new Error(`PostgreSQL suites are mandatory in CI (set TEST_POSTGRES_URL): ${why}`);
  if (why) console.warn(`\n${"*".repeat(80)}\n*** SKIPPED PostgreSQL suites: ${why}\n*** Set TEST_POSTGRES_URL to a server where user may CREATE DATABASE.\n${"*".repeat(80)}\n`);
  const shared = {
    resolve: {
      alias: {
        "@": path.resolve(import.meta.dirname),
        "server-only": path.resolve(import.meta.dirname, "tests/helpers/server-only-stub.ts"),
      },
    },
  };
  const base = {
    environment: "node" as const,
    // integration tests open real databases; keep each file in its own fork
    pool: "forks" as const,
    testTimeout: 30_000,
    hookTimeout: 30_000,
  };
  return {
    ...shared,
    test: {
      projects: [
        { ...shared, test: { ...base, name: "sqlite", include: ["tests/**/*.test.ts", "lib/**/*.test.ts"], globalSetup: ["tests/helpers/global-setup.ts"], env: { TEST_ENGINE: "sqlite" } } },
        ...(why
          ? []
          : [{ ...shared, test: { ...base, name: "postgresql", include: dbSuites, globalSetup: ["tests/helpers/pg-global-setup.ts"], env: { TEST_ENGINE: "postgresql", TEST_POSTGRES_URL: adminUrl() } } }]),
      ],
    },
  };
});
