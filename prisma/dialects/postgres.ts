// Everything specific to PostgreSQL, in one place (prisma/dialects/sqlite.ts is its twin).
// The generated PostgreSQL client (generated/prisma-pg) has the same model API as the SQLite one;
// the app types every client as the SQLite PrismaClient so that code paths stay the same.
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient as PgPrismaClient } from "../../generated/prisma-pg/client";
import type { PrismaClient } from "../../generated/prisma/client";
import type { Dialect } from "./dialect";

// one key for all of Trickdeck's exclusive start-up work (content sync)
const SYNC_LOCK_KEY = 7_263_001;

export function postgresDialect(poolSize: number): Dialect {
  return {
    engine: "postgresql",
    createClient(url) {
      const client = new PgPrismaClient({
        adapter: new PrismaPg({ connectionString: url, max: poolSize }),
        transactionOptions: { maxWait: 15_000, timeout: 20_000 },
      });
      return client as unknown as PrismaClient;
    },
    // serial columns (autoincrement ids) keep a sequence that explicit ids do not advance
    async afterCopy(db) {
      const serials = await db.$queryRawUnsafe<{ t: string; c: string }[]>(
        `SELECT table_name AS t, column_name AS c FROM information_schema.columns WHERE table_schema = current_schema() AND column_default LIKE 'nextval(%'`,
      );
      for (const { t, c } of serials) {
        await db.$queryRawUnsafe(`SELECT setval(pg_get_serial_sequence('"${t}"', '${c}'), COALESCE((SELECT MAX("${c}") FROM "${t}"), 1), (SELECT COUNT(*) FROM "${t}") > 0)`);
      }
    },
    // A transaction-scoped advisory lock: a second instance starting at the same moment waits
    // here until the first commits, then reads what the first wrote.
    async lockForWrite(tx) {
      await tx.$executeRawUnsafe(`SELECT pg_advisory_xact_lock(${SYNC_LOCK_KEY})`);
    },
  };
}
