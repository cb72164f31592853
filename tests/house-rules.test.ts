// Rules of the code base that a reviewer could miss, checked mechanically.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { plainDbWrites } from "./helpers/db-writes";

// everything that runs against the app's database; the scanner itself is tested in db-writes.test.ts
const SCANNED = ["server", "app", "prisma", "scripts", "bench"];
// server/auth.ts builds PrismaAdapter(db) until it switches to transactionalPrismaAdapter(db)
// (server/auth-adapter.ts): delete this entry in the same change, the test then expects none.
const PENDING_ADAPTER_SWITCH: string[] = [];

const files = (dir: string, name = /\.tsx?$/): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && name.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));

describe("house rules", () => {
  it("every database write in the app goes through $transaction (see prisma/client.ts)", () => {
    const offenders = SCANNED.filter((dir) => existsSync(dir))
      .flatMap((dir) => files(dir, /\.(tsx?|mjs|js)$/))
      .flatMap((f) => plainDbWrites(f, readFileSync(f, "utf8")).map((w) => ({ at: `${f}:${w.line}`, key: `${f} ${w.call}`, why: w.why })));
    expect(offenders.filter((o) => !PENDING_ADAPTER_SWITCH.includes(o.key))).toEqual([]);
    expect(offenders.map((o) => o.key)).toEqual(PENDING_ADAPTER_SWITCH);
  });

  it("writes below Prisma live only in the grade stores, each grade in one transaction (prisma/dialects/grade-store.ts)", () => {
    // the app reaches a database driver directly only in prisma/dialects/ (scripts and benches seed and migrate)
    const driverUsers = [...files("server"), ...files("app"), ...files("lib"), ...files("prisma")].filter((f) => /from "(better-sqlite3|pg)"/.test(readFileSync(f, "utf8")));
    expect(driverUsers.sort()).toEqual(["prisma/dialects/grade-store-postgres.ts", "prisma/dialects/grade-store-sqlite.ts", "prisma/dialects/postgres.ts", "prisma/dialects/sqlite.ts"]);
    // SQLite: every statement of the store runs inside the one BEGIN IMMEDIATE transaction function
    const lite = readFileSync("prisma/dialects/grade-store-sqlite.ts", "utf8");
    const tx = lite.slice(lite.indexOf("db.transaction("), lite.indexOf("}).immediate"));
    expect(tx.length).toBeGreaterThan(0);
    // executions of the prepared statements (`read`, `p.update`, ...), not Map lookups or the transaction call itself
    const calls = (text: string) => text.match(/\b(read|p\.[a-zA-Z]+)\.(run|get|all|iterate)\(/g)?.length ?? 0;
    expect(calls(tx)).toBe(calls(lite));
    expect(calls(tx)).toBeGreaterThanOrEqual(5); // read, update, insert state, insert log, bump hour
    // the screen's reads (`read`) refuse a statement that writes, on both engines
    expect(lite).toMatch(/if \(!statement\.readonly\) throw/);
    // PostgreSQL: one read, then ONE statement that writes (atomic by itself): no BEGIN, two queries
    const pgStore = readFileSync("prisma/dialects/grade-store-postgres.ts", "utf8");
    expect(pgStore.slice(pgStore.indexOf("async grade(")).match(/\.query\(/g)).toHaveLength(2);
    expect(pgStore.match(/\.query\(/g)).toHaveLength(3);
    expect(pgStore).toMatch(/if \(!READ_ONLY\.test\(text\)\) throw/);
    expect(pgStore).not.toMatch(/BEGIN|COMMIT/);
    for (const write of ["UPDATE", "INSERT"]) expect(pgStore).toMatch(new RegExp(`const ${write} = \`\\s*WITH st AS \\(`));
  });

  it("every server module starts with import \"server-only\" (actions are \"use server\")", () => {
    const missing = files("server").filter((f) => {
      const first = readFileSync(f, "utf8").trimStart().split("\n")[0];
      return !first.startsWith('import "server-only"') && !first.startsWith('"use server"') && !f.endsWith("errors.ts") && !f.endsWith("form-state.ts");
    });
    expect(missing).toEqual([]);
  });

  it("engine specifics stay in prisma/dialects/: app code never asks which database it runs on", () => {
    const bad = [...files("server"), ...files("app"), ...files("lib"), ...files("components")].filter((f) =>
      /===?\s*"(sqlite|postgresql)"|\.engine\b|better-sqlite3|adapter-pg|julianday|pg_advisory/.test(readFileSync(f, "utf8")),
    );
    expect(bad).toEqual([]);
  });

  it("lib/ has no framework imports", () => {
    const bad = files("lib").filter((f) => /from "(next|react|@prisma|next-auth)[/"]/.test(readFileSync(f, "utf8")));
    expect(bad).toEqual([]);
  });
});
