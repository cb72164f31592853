// Rules of the code base that a reviewer could miss, checked mechanically.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { twoUserDb } from "./helpers/two-users";

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

  it("a write in a transaction waits for an open one and survives its rollback", async () => {
    const { t, alice } = await twoUserDb();
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    const failing = t.db.$transaction(async (tx) => {
      await tx.user.update({ where: { id: alice }, data: { name: "rolled back" } });
      await gate;
      throw new Error("refused");
    });
    const save = t.db.$transaction((tx) => tx.userSettings.create({ data: { userId: alice, dailyGoal: 77 } }));
    release();
    await expect(failing).rejects.toThrow("refused");
    await save;
    expect((await t.db.userSettings.findUniqueOrThrow({ where: { userId: alice } })).dailyGoal).toBe(77);
    expect((await t.db.user.findUniqueOrThrow({ where: { id: alice } })).name).toBeNull();
    await t.close();
  });
});
