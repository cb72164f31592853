// Counts the SQL statements the code under test sends, at the driver: every execution of a
// better-sqlite3 statement (Prisma's adapter and the hot path alike, BEGIN and COMMIT included),
// or every query a pg client sends (Prisma's adapter and the hot path share pg.Client).
import Database from "better-sqlite3";
import pg from "pg";
import type { TestDb } from "./test-db";

export async function countStatements<T>(t: Pick<TestDb, "engine">, work: () => Promise<T>): Promise<{ total: number; sql: string[]; result: T }> {
  const sql: string[] = [];
  const restore: (() => void)[] = [];
  const wrap = (proto: Record<string, unknown>, name: string, text: (self: unknown, args: unknown[]) => string) => {
    const original = proto[name] as (...a: unknown[]) => unknown;
    proto[name] = function (this: unknown, ...args: unknown[]) {
      sql.push(text(this, args));
      return original.apply(this, args);
    };
    restore.push(() => (proto[name] = original));
  };
  if (t.engine === "sqlite") {
    const scratch = new Database(":memory:");
    const proto = Object.getPrototypeOf(scratch.prepare("SELECT 1")) as Record<string, unknown>;
    scratch.close();
    for (const name of ["run", "get", "all", "iterate"]) wrap(proto, name, (self) => (self as { source: string }).source.trim());
  } else {
    wrap(pg.Client.prototype as unknown as Record<string, unknown>, "query", (_self, args) => {
      const q = args[0] as string | { text: string };
      return (typeof q === "string" ? q : q.text).trim();
    });
  }
  try {
    const result = await work();
    return { total: sql.length, sql, result };
  } finally {
    for (const r of restore.reverse()) r();
  }
}
