// The shape every server action must keep, checked mechanically (see server/actions/pipeline.ts).
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

const actionFiles = readdirSync("server/actions")
  .map((f) => path.join("server/actions", f))
  .filter((f) => readFileSync(f, "utf8").startsWith('"use server"'));

const clientFiles = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name))
    .map((e) => path.join(e.parentPath, e.name))
    .filter((f) => readFileSync(f, "utf8").trimStart().startsWith('"use client"'));

describe("server actions", () => {
  it("there are actions to check", () => {
    expect(actionFiles.length).toBeGreaterThan(10);
  });

  it("never touch the database themselves: no db import, no Prisma call", () => {
    const offenders = actionFiles.filter((f) => {
      const src = readFileSync(f, "utf8");
      return /from "@\/server\/db"/.test(src) || /from "@\/prisma\//.test(src) || /\b(db|tx)\s*\.\s*(\$transaction|\$queryRaw|\$executeRaw|[a-z]\w*\s*\.\s*(find|create|update|upsert|delete|count|aggregate|groupBy))/.test(src);
    });
    expect(offenders).toEqual([]);
  });

  it("every exported action runs through the pipeline", () => {
    const offenders = actionFiles.flatMap((f) => {
      const src = readFileSync(f, "utf8");
      const bodies = src.split(/^export async function /m).slice(1);
      return bodies.filter((b) => !/\b(userAction|publicAction|runReviewAction)\(/.test(b)).map((b) => `${f}: ${b.slice(0, b.indexOf("("))}`);
    });
    expect(offenders).toEqual([]);
  });

  it("client components import only actions from server/", () => {
    const offenders = [...clientFiles("components"), ...clientFiles("app")].flatMap((f) =>
      [...readFileSync(f, "utf8").matchAll(/from "@\/server\/([^"]+)"/g)].map((m) => m[1]).filter((p) => !p.startsWith("actions/")).map((p) => `${f} -> server/${p}`),
    );
    expect(offenders).toEqual([]);
  });
});
