// Builds a Prisma client for DATABASE_URL's engine through a driver adapter (no query-engine
// binary): better-sqlite3 for `file:` URLs, node-postgres for `postgres://` URLs. server/db.ts
// holds the app's singleton; scripts and tests call this directly. Engine specifics live in
// prisma/dialects/ (see the transaction rule in prisma/dialects/sqlite.ts).
import type { PrismaClient } from "../generated/prisma/client";
import { databaseTarget, poolSize } from "./database-url";
import { remember } from "./dialects/dialect";
import { postgresDialect } from "./dialects/postgres";
import { sqliteDialect } from "./dialects/sqlite";

export function createPrismaClient(url: string, env: Record<string, string | undefined> = process.env): PrismaClient {
  const target = databaseTarget(url);
  const dialect = target.engine === "sqlite" ? sqliteDialect : postgresDialect(poolSize(env));
  return remember(dialect.createClient(target.url), dialect);
}

export { dialectOf, gradeStoreOf } from "./dialects/dialect";
export type { GradeRead, GradeStore, GradeWrite } from "./dialects/grade-store";
export type { PrismaClient };
