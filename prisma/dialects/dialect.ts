// What differs between the two engines. Code outside prisma/dialects/ never asks which engine it
// runs on; it asks the dialect of its client (dialectOf) for the one thing that differs.
import type { Prisma, PrismaClient } from "../../generated/prisma/client";
import type { Engine } from "../database-url";
import type { GradeStore } from "./grade-store";

export interface Dialect {
  engine: Engine;
  createClient(url: string): PrismaClient;
  /**
   * Called first inside a transaction that must not run at the same time as the same transaction
   * in another process (content sync at start): holds an exclusive lock until it ends.
   */
  lockForWrite(tx: Prisma.TransactionClient): Promise<void>;
  /** After content sync changed the catalogue tables: whatever the engine's planner needs to know. */
  afterContentSync(db: PrismaClient): Promise<void>;
  /** After rows were inserted with explicit ids (db:copy): move id counters past them. */
  afterCopy(db: PrismaClient): Promise<void>;
  /** The grade hot path below Prisma, on the client's own connection(s) (prisma/dialects/grade-store.ts). */
  gradeStore(client: PrismaClient): GradeStore;
  /**
   * A DateTime column (a quoted identifier, never user input) as SQL that is cheap to read in
   * bulk: raw queries get back either a Date or epoch milliseconds (a number) for it.
   */
  bulkDate(column: string): string;
  /**
   * A read-only query of many rows below Prisma, on the client's own connection(s), for reads of
   * thousands of rows where Prisma's per-row work costs more than the query: rows as arrays in the
   * order of the SELECT's columns. `sql` marks text parameters with `?`; select dates through
   * bulkDate (new Date() takes what comes back) and no 64-bit counts (PostgreSQL's come as text).
   */
  readRows(client: PrismaClient, sql: string, params: readonly string[]): Promise<unknown[][]>;
}

const dialects = new WeakMap<object, Dialect>();

export function remember(client: PrismaClient, dialect: Dialect): PrismaClient {
  dialects.set(client, dialect);
  return client;
}

export function dialectOf(client: PrismaClient): Dialect {
  const d = dialects.get(client);
  if (!d) throw new Error("This Prisma client was not made by createPrismaClient (prisma/client.ts).");
  return d;
}

const stores = new WeakMap<object, GradeStore>();

/** The grade store of a client made by createPrismaClient (one per client; statements prepared once). */
export function gradeStoreOf(client: PrismaClient): GradeStore {
  let store = stores.get(client);
  if (!store) {
    store = dialectOf(client).gradeStore(client);
    stores.set(client, store);
  }
  return store;
}
