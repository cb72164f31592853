// Everything specific to SQLite, in one place (prisma/dialects/postgres.ts is its twin).
//
// House rule: every WRITE goes through `db.$transaction(...)`. The adapter gives the process one
// SQLite connection; interactive transactions take turns through a lock, but a plain query does
// not wait for it and runs inside whatever transaction is open, so a plain write could be rolled
// back with someone else's refused grade. tests/house-rules.test.ts enforces the rule.
//
// Write transactions start with BEGIN IMMEDIATE: the write lock is taken before anything is read,
// so a transaction never has to upgrade a read lock (a deferred BEGIN fails at once with
// SQLITE_BUSY, Prisma's P1008, when another connection - a second process - wrote meanwhile). The
// connection waits up to BUSY_TIMEOUT_MS for the lock; past that, BEGIN is retried without
// blocking the event loop, up to LONG_WAIT_MS (a second instance syncing content at start).
//
// The grade hot path (grade-store-sqlite.ts) runs on the same connection, holding the same lock
// as interactive transactions, so the two never overlap or nest.
import type { Database } from "better-sqlite3";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import type { IsolationLevel, SqlDriverAdapter, SqlDriverAdapterFactory, SqlMigrationAwareDriverAdapterFactory, SqlQuery, Transaction } from "@prisma/driver-adapter-utils";
import { PrismaClient } from "../../generated/prisma/client";
import { Semaphore } from "../../lib/semaphore";
import type { Dialect } from "./dialect";
import type { GradeStore } from "./grade-store";
import { sqliteGradeStore } from "./grade-store-sqlite";
import { gradeStoreOf } from "./dialect";

export const BUSY_TIMEOUT_MS = 5000;
const LONG_WAIT_MS = 120_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const sql = (text: string): SqlQuery => ({ sql: text, args: [], argTypes: [] });
const isBusy = (err: unknown) => {
  const e = err as { cause?: { kind?: string; originalCode?: string }; code?: string };
  return e?.cause?.kind === "SocketTimeout" || /^SQLITE_BUSY/.test(e?.cause?.originalCode ?? e?.code ?? "");
};

/** One async lock per connection: Prisma's interactive transactions and the grade hot path take turns. */
class ConnectionLock {
  readonly #sem = new Semaphore(1, Number.MAX_SAFE_INTEGER);
  async acquire(): Promise<() => void> {
    return (await this.#sem.acquire())!;
  }
  async run<T>(work: () => T): Promise<T> {
    const release = await this.acquire();
    try {
      return work();
    } finally {
      release();
    }
  }
}

/** The adapter with BEGIN IMMEDIATE transactions that take `lock`; everything else passes through. */
function serialised(adapter: SqlDriverAdapter, lock: ConnectionLock): SqlDriverAdapter {
  const query = {
    provider: adapter.provider,
    adapterName: adapter.adapterName,
    queryRaw: (q: SqlQuery) => adapter.queryRaw(q),
    executeRaw: (q: SqlQuery) => adapter.executeRaw(q),
  };
  return {
    ...query,
    executeScript: (script) => adapter.executeScript(script),
    getConnectionInfo: adapter.getConnectionInfo?.bind(adapter),
    dispose: () => adapter.dispose(),
    async startTransaction(isolationLevel?: IsolationLevel): Promise<Transaction> {
      // SQLite transactions are serializable; anything else is refused by the adapter itself
      if (isolationLevel && isolationLevel !== "SERIALIZABLE") return adapter.startTransaction(isolationLevel);
      const release = await lock.acquire();
      try {
        const started = Date.now();
        for (;;) {
          try {
            await adapter.executeRaw(sql("BEGIN IMMEDIATE"));
            break;
          } catch (err) {
            if (!isBusy(err) || Date.now() - started > LONG_WAIT_MS) throw err;
            await sleep(20);
          }
        }
      } catch (err) {
        release();
        throw err;
      }
      // COMMIT / ROLLBACK are sent by Prisma as statements (usePhantomQuery: false); then these run
      return {
        ...query,
        options: { usePhantomQuery: false },
        commit: async () => release(),
        rollback: async () => release(),
        createSavepoint: async (name) => void (await adapter.executeRaw(sql(`SAVEPOINT ${name}`))),
        rollbackToSavepoint: async (name) => void (await adapter.executeRaw(sql(`ROLLBACK TO ${name}`))),
        releaseSavepoint: async (name) => void (await adapter.executeRaw(sql(`RELEASE SAVEPOINT ${name}`))),
      };
    },
  };
}

/**
 * Wraps the better-sqlite3 adapter factory: transactions as above, and access to the connection
 * Prisma opened (the adapter's `client`) for the grade hot path.
 */
class SerialisedSqlite implements SqlMigrationAwareDriverAdapterFactory {
  readonly provider = "sqlite" as const;
  readonly adapterName: string;
  readonly lock = new ConnectionLock();
  #database: Database | null = null;

  constructor(private readonly inner: SqlMigrationAwareDriverAdapterFactory) {
    this.adapterName = inner.adapterName;
  }

  async connect(): Promise<SqlDriverAdapter> {
    const adapter = await this.inner.connect();
    this.#database = (adapter as unknown as { client: Database }).client;
    return serialised(adapter, this.lock);
  }

  connectToShadowDb() {
    return this.inner.connectToShadowDb();
  }

  /** Prisma's open connection (opened on first use), or null if Prisma has not connected. */
  get database(): Database | null {
    return this.#database?.open ? this.#database : null;
  }
}

const factories = new WeakMap<PrismaClient, SerialisedSqlite>();

export const sqliteDialect: Dialect = {
  engine: "sqlite",
  createClient(url) {
    const factory = new SerialisedSqlite(new PrismaBetterSqlite3({ url, timeout: BUSY_TIMEOUT_MS }));
    const client = new PrismaClient({
      adapter: factory as SqlDriverAdapterFactory,
      // transactions queue behind each other: wait long enough that a busy moment is not an error
      transactionOptions: { maxWait: 15_000, timeout: 20_000 },
    });
    factories.set(client, factory);
    return client;
  },
  // the planner's heuristics pick the indexes the hot path needs without statistics
  async afterContentSync() {},
  // the stored ISO text as it is: converting it to a number in SQL (unixepoch) costs more than
  // the adapter's Date parsing saves
  bulkDate: (column) => column,
  // AUTOINCREMENT keeps its counter (sqlite_sequence) past explicitly inserted ids by itself
  async afterCopy() {},
  // BEGIN IMMEDIATE already took the write lock (see the top of this file): nothing more to do
  async lockForWrite() {},
  gradeStore(client): GradeStore {
    const factory = factories.get(client);
    if (!factory) throw new Error("This SQLite client was not made by sqliteDialect.createClient.");
    return sqliteGradeStore(async () => {
      if (!factory.database) await client.$connect();
      const database = factory.database;
      if (!database) throw new Error("SQLite: Prisma did not open its connection.");
      return { database, withLock: (work) => factory.lock.run(work) };
    });
  },
  // the hot path's read (grade-store-sqlite.ts): statements prepared once, under the connection lock
  readRows: (client, sql, params) => gradeStoreOf(client).read({ sql, text: sql, values: params }, "arrays"),
};
