// A real, migrated database per test, never a mock: a copy of the SQLite template file, or (in
// the "postgresql" Vitest project) a clone of the migrated PostgreSQL template database.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { inject } from "vitest";
import type { Engine } from "@/prisma/database-url";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";
import { adminUrl, createDatabase, dropDatabase, scratchName, urlFor } from "@/scripts/db/pg-admin";

export interface TestDb {
  db: PrismaClient;
  engine: Engine;
  /** the DATABASE_URL of this test's database */
  url: string;
  close: () => Promise<void>;
}

/** The engine of the running Vitest project. */
export const testEngine = (): Engine => (process.env.TEST_ENGINE === "postgresql" ? "postgresql" : "sqlite");

/** A fresh PostgreSQL database cloned from the migrated template; dropped by close(). */
export async function createPgDatabase(label = "t"): Promise<{ url: string; drop: () => Promise<void> }> {
  const admin = adminUrl();
  const name = scratchName(label);
  await createDatabase(admin, name, inject("pgTemplate"));
  return { url: urlFor(admin, name), drop: () => dropDatabase(admin, name) };
}

export async function createTestDb(engine: Engine = testEngine()): Promise<TestDb> {
  if (engine === "postgresql") {
    const { url, drop } = await createPgDatabase();
    const db = createPrismaClient(url);
    return {
      db,
      engine,
      url,
      close: async () => {
        await db.$disconnect();
        await drop();
      },
    };
  }
  const dir = mkdtempSync(path.join(os.tmpdir(), "trickdeck-test-"));
  const file = path.join(dir, "test.db");
  copyFileSync(inject("sqliteTemplate"), file);
  const db = createPrismaClient(`file:${file}`);
  return {
    db,
    engine,
    url: `file:${file}`,
    close: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
