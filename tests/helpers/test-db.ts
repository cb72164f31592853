// A real, migrated SQLite file per test (copied from the template), never a mock.
import { copyFileSync, mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { createPrismaClient, type PrismaClient } from "@/prisma/client";
import { TEMPLATE_DB } from "./global-setup";

export interface TestDb {
  db: PrismaClient;
  file: string;
  close: () => Promise<void>;
}

export function createTestDb(): TestDb {
  const dir = mkdtempSync(path.join(os.tmpdir(), "trickdeck-test-"));
  const file = path.join(dir, "test.db");
  copyFileSync(TEMPLATE_DB, file);
  const db = createPrismaClient(`file:${file}`);
  return {
    db,
    file,
    close: async () => {
      await db.$disconnect();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
