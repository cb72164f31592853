// Builds a Prisma client for a SQLite URL through the better-sqlite3 driver adapter (no query
// engine binary). server/db.ts holds the app's singleton; scripts and tests call this directly.
//
// House rule: every WRITE goes through `db.$transaction(...)`. The adapter gives the process one
// SQLite connection; interactive transactions take turns through a lock, but a plain query does
// not wait for it and runs inside whatever transaction is open, so a plain write could be rolled
// back with someone else's refused grade (tests/transaction-overlap.test.ts shows both cases).
// tests/house-rules.test.ts enforces the rule with a syntax-tree scan (tests/helpers/db-writes.ts);
// Auth.js's adapter goes through server/auth-adapter.ts.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../generated/prisma/client";

export function createPrismaClient(url: string): PrismaClient {
  return new PrismaClient({
    adapter: new PrismaBetterSqlite3({ url, timeout: 5000 }),
    // transactions queue behind each other: wait long enough that a busy moment is not an error
    transactionOptions: { maxWait: 15_000, timeout: 20_000 },
  });
}

export type { PrismaClient };
