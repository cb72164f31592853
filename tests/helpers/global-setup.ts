// Builds one migrated SQLite template per test run; each test copies it (see test-db.ts).
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import path from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    sqliteTemplate: string;
    pgTemplate: string;
  }
}

export function buildSqliteTemplate(file: string) {
  mkdirSync(path.dirname(file), { recursive: true });
  for (const suffix of ["", "-wal", "-shm"]) rmSync(file + suffix, { force: true });
  const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/db/migrate.ts", "deploy"], {
    env: { ...process.env, DATABASE_URL: `file:${file}` },
    encoding: "utf8",
  });
  if (r.status !== 0) throw new Error(`could not migrate the test template database:\n${r.stdout}\n${r.stderr}`);
}

export default function setup(project: TestProject) {
  const file = path.resolve("tmp/test-template.db");
  buildSqliteTemplate(file);
  project.provide("sqliteTemplate", file);
}
