// DATABASE_URL picks the engine; DATABASE_POOL_SIZE sizes the PostgreSQL pool.
import path from "node:path";
import { describe, expect, it } from "vitest";
import { databaseTarget, poolSize } from "@/prisma/database-url";

describe("DATABASE_URL", () => {
  it("selects SQLite for file: URLs (default included) and PostgreSQL for postgres URLs", () => {
    expect(databaseTarget(undefined)).toEqual({ engine: "sqlite", url: `file:${path.resolve("data/trickdeck.db")}` });
    expect(databaseTarget("  ")).toEqual(databaseTarget(undefined));
    expect(databaseTarget("file:./tmp/x.db")).toEqual({ engine: "sqlite", url: `file:${path.resolve("tmp/x.db")}` });
    expect(databaseTarget("postgres://u:p@db:5432/trickdeck")).toEqual({ engine: "postgresql", url: "postgres://u:p@db:5432/trickdeck" });
    expect(databaseTarget("postgresql://db/trickdeck").engine).toBe("postgresql");
  });

  it("refuses other URLs with a message naming both accepted forms", () => {
    expect(() => databaseTarget("mysql://db/trickdeck")).toThrow(/file:\.\/data\/trickdeck\.db or a PostgreSQL URL.*got "mysql:/);
  });
});

describe("DATABASE_POOL_SIZE", () => {
  it("defaults to 10 and accepts whole numbers from 1", () => {
    expect(poolSize({})).toBe(10);
    expect(poolSize({ DATABASE_POOL_SIZE: "" })).toBe(10);
    expect(poolSize({ DATABASE_POOL_SIZE: "4" })).toBe(4);
  });

  it("refuses anything else", () => {
    for (const bad of ["0", "-2", "2.5", "ten", "5000"]) expect(() => poolSize({ DATABASE_POOL_SIZE: bad }), bad).toThrow(/DATABASE_POOL_SIZE must be a whole number/);
  });
});
