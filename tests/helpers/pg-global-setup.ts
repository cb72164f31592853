// Builds one migrated PostgreSQL template database per test run; each test clones it with
// CREATE DATABASE ... TEMPLATE (see test-db.ts) and drops its clone afterwards.
import { spawnSync } from "node:child_process";
import type { TestProject } from "vitest/node";
import { adminUrl, createDatabase, dropDatabase, scratchName, urlFor } from "../../scripts/db/pg-admin";

declare module "vitest" {
  export interface ProvidedContext {
    pgTemplate: string;
  }
}

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
  return () => dropDatabase(admin, template);
}
