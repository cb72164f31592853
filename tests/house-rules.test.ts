// Rules of the code base that a reviewer could miss, checked mechanically.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name));

describe("house rules", () => {
  it("every database write in the app goes through $transaction (see prisma/client.ts)", () => {
    const offenders = [...files("server"), ...files("app")].flatMap((f) =>
      readFileSync(f, "utf8")
        .split("\n")
        .map((line, i) => ({ line, i }))
        .filter(({ line }) => /\bdb\.\w+\.(create|createMany|update|updateMany|upsert|delete|deleteMany)\(/.test(line))
        .map(({ i }) => `${f}:${i + 1}`),
    );
    expect(offenders).toEqual([]);
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
