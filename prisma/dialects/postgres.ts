// Everything specific to PostgreSQL, in one place (prisma/dialects/sqlite.ts is its twin).
// The generated PostgreSQL client (generated/prisma-pg) has the same model API as the SQLite one;
// the app types every client as the SQLite PrismaClient so that code paths stay the same.
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient as PgPrismaClient } from "../../generated/prisma-pg/client";
import type { PrismaClient } from "../../generated/prisma/client";
import type { Dialect } from "./dialect";
import { postgresGradeStore } from "./grade-store-postgres";
import { gradeStoreOf } from "./dialect";

/** `?` placeholders as PostgreSQL's `$1, $2, ...` (the SQL holds no `?` of its own). */
const dollarParams = (sql: string) => {
  let n = 0;
  return sql.replace(/\?/g, () => `$${++n}`);
};

// the content sync's key (start-up migrations queue on their own: MIGRATE_LOCK_KEY, scripts/db/migrate.ts)
const SYNC_LOCK_KEY = 7_263_001;

// the pool of each client: Prisma's adapter and the grade hot path share it (one pool size)
const pools = new WeakMap<object, () => pg.Pool>();

export function postgresDialect(poolSize: number): Dialect {
  return {
    engine: "postgresql",
    createClient(url) {
      const newPool = () => {
        const p = new pg.Pool({ connectionString: url, max: poolSize });
        // an idle connection closed by the server (restart, dropped database) is not a crash: the pool replaces it
        p.on("error", () => {});
        return p;
      };
      let pool = newPool();
      const factory = new PrismaPg(pool, { disposeExternalPool: true });
      const client = new PgPrismaClient({ adapter: factory, transactionOptions: { maxWait: 15_000, timeout: 20_000 } });
      // $disconnect ends the pool; Prisma then reconnects with a new one built from the same
      // config, which the hot path must use too
      pools.set(client, () => {
        if (pool.ended) {
          pool = (factory as unknown as { externalPool: pg.Pool | null }).externalPool ?? newPool();
        }
        return pool;
      });
      return client as unknown as PrismaClient;
    },
    gradeStore(client) {
      const pool = pools.get(client);
      if (!pool) throw new Error("This PostgreSQL client was not made by postgresDialect.createClient.");
      // Prisma connects first, so that its $disconnect ends the pool the hot path used
      let connected: Promise<void> | null = null;
      return postgresGradeStore(async () => {
        await (connected ??= client.$connect());
        return pool();
      });
    },
    // statistics of the catalogue tables: without them (a new database, before autovacuum's
    // first pass) the planner takes the catalogue for a handful of rows and picks nested loops
    // that compare every card with every state (measured: 18 ms instead of 1.5 ms for the queue)
    async afterContentSync(db) {
      await db.$transaction((tx) => tx.$executeRawUnsafe(`ANALYZE "Area", "Category", "Trick", "Card", "Reference"`));
    },
    // thousands of timestamps parse as Dates at ~2 us each through the adapter; as epoch
    // milliseconds (exact: timestamp(3) holds whole milliseconds, read as UTC) they are plain numbers
    bulkDate: (column) => `(EXTRACT(EPOCH FROM ${column}) * 1000)::float8`,
    // the hot path's read (grade-store-postgres.ts): named statements on the same pool
    readRows: (client, sql, params) => gradeStoreOf(client).read({ sql, text: dollarParams(sql), values: params }, "arrays"),
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
