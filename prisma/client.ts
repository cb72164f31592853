// Builds a Prisma client for a SQLite URL through the better-sqlite3 driver adapter (no query
// engine binary). server/db.ts holds the app's singleton; scripts and tests call this directly.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";

export function createPrismaClient(url: string): PrismaClient {
  return new PrismaClient({ adapter: new PrismaBetterSqlite3({ url, timeout: 5000 }) });
}

export type { PrismaClient };
