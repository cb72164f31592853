// Builds one migrated PostgreSQL template database per test run; each test clones it with
// CREATE DATABASE ... TEMPLATE (see test-db.ts) and drops its clone afterwards.
import { spawnSync } from "node:child_process";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { buildSqliteTemplate } from "./global-setup";
import { adminUrl, createDatabase, dropDatabase, scratchName, urlFor } from "../../scripts/db/pg-admin";


export default async function setup(project: TestProject) {
  const admin = adminUrl();
  const template = scratchName("template");
  await createDatabase(admin, template);
  const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/db/migrate.ts", "deploy"], {
    env: { ...process.env, DATABASE_URL: urlFor(admin, template) },
    encoding: "utf8",
  });
  if (r.status !== 0) {
    await dropDatabase(admin, template);
    throw new Error(`could not migrate the PostgreSQL test template:\n${r.stdout}\n${r.stderr}`);
  }
  project.provide("pgTemplate", template);
  // cross-engine tests open SQLite too: their own template, apart from the "sqlite" project's
  const sqliteTemplate = path.resolve("tmp/test-template-pg-project.db");
  buildSqliteTemplate(sqliteTemplate);
  project.provide("sqliteTemplate", sqliteTemplate);
  return () => dropDatabase(admin, template);
}
