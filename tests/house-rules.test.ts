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

  it("every server module starts with import \"server-only\" (actions are \"use server\")", () => {
    const missing = files("server").filter((f) => {
      const first = readFileSync(f, "utf8").trimStart().split("\n")[0];
      return !first.startsWith('import "server-only"') && !first.startsWith('"use server"') && !f.endsWith("errors.ts") && !f.endsWith("form-state.ts");
    });
    expect(missing).toEqual([]);
  });

  it("lib/ has no framework imports", () => {
    const bad = files("lib").filter((f) => /from "(next|react|@prisma|next-auth)[/"]/.test(readFileSync(f, "utf8")));
    expect(bad).toEqual([]);
  });
});
