// Everything specific to SQLite, in one place (prisma/dialects/postgres.ts is its twin).
//
// House rule: every WRITE goes through `db.$transaction(...)`. The adapter gives the process one
// SQLite connection; interactive transactions take turns through a lock, but a plain query does
// not wait for it and runs inside whatever transaction is open, so a plain write could be rolled
// back with someone else's refused grade. tests/house-rules.test.ts enforces the rule.
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "../../generated/prisma/client";
import type { Dialect } from "./dialect";

export const sqliteDialect: Dialect = {
  engine: "sqlite",
  createClient(url) {
    return new PrismaClient({
      adapter: new PrismaBetterSqlite3({ url, timeout: 5000 }),
      // transactions queue behind each other: wait long enough that a busy moment is not an error
      transactionOptions: { maxWait: 15_000, timeout: 20_000 },
    });
  },
  // Transactions start DEFERRED: two processes could both read, then one fails to upgrade to
  // writing. A write that touches no row, as the first statement, takes SQLite's write lock
  // before anything is read (BEGIN IMMEDIATE's effect). Another process holding it (a second
  // instance syncing content) may take a while: wait up to two minutes, then back to 5 s.
  // AUTOINCREMENT keeps its counter (sqlite_sequence) past explicitly inserted ids by itself
  async afterCopy() {},
  async lockForWrite(tx) {
    await tx.$queryRawUnsafe(`PRAGMA busy_timeout = 120000`);
    try {
      await tx.$executeRawUnsafe(`UPDATE "Area" SET "slug" = "slug" WHERE 0 = 1`);
    } finally {
      await tx.$queryRawUnsafe(`PRAGMA busy_timeout = 5000`);
    }
  },
};
