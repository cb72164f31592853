// The PostgreSQL variant of prisma/schema.prisma. The model is written once, for SQLite; Prisma
// bakes the provider into each generated client, so PostgreSQL gets a copy that differs only in
// the datasource provider and the client's output folder. Written to generated/postgres/ on
// install (npm postinstall) and by scripts/db/migrate.ts before it diffs or checks.
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

export const SQLITE_SCHEMA = path.resolve("prisma/schema.prisma");
export const POSTGRES_SCHEMA = path.resolve("generated/postgres/schema.prisma");

/** schema.prisma with provider "postgresql" and the client generated into generated/prisma-pg. */
export function postgresSchemaText(sqliteText) {
  const swapped = sqliteText
    .replace(/(datasource\s+db\s*\{[^}]*provider\s*=\s*)"sqlite"/, '$1"postgresql"')
    .replace(/(generator\s+client\s*\{[^}]*output\s*=\s*)"\.\.\/generated\/prisma"/, '$1"../prisma-pg"');
  if (!swapped.includes('"postgresql"') || !swapped.includes('"../prisma-pg"')) {
    throw new Error('prisma/schema.prisma: expected `provider = "sqlite"` in `datasource db` and `output = "../generated/prisma"` in `generator client`.');
  }
  return `// GENERATED from prisma/schema.prisma by scripts/db/postgres-schema.mjs: do not edit.\n${swapped}`;
}

export function writePostgresSchema() {
  mkdirSync(path.dirname(POSTGRES_SCHEMA), { recursive: true });
  writeFileSync(POSTGRES_SCHEMA, postgresSchemaText(readFileSync(SQLITE_SCHEMA, "utf8")));
  return POSTGRES_SCHEMA;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve("scripts/db/postgres-schema.mjs")) {
  console.log(`Wrote ${path.relative(process.cwd(), writePostgresSchema())}`);
}
