// Generates both Prisma clients from the one model: generated/prisma (SQLite) from
// prisma/schema.prisma, and generated/prisma-pg (PostgreSQL) from its provider-swapped copy.
// `prisma generate` needs no schema engine, but the CLI insists on finding one and cannot
// download it here; any existing executable satisfies the check (see README "Design").
import { spawnSync } from "node:child_process";
import { writePostgresSchema } from "./db/postgres-schema.mjs";

const env = { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? process.execPath };
for (const schema of ["prisma/schema.prisma", writePostgresSchema()]) {
  const r = spawnSync(process.execPath, ["node_modules/prisma/build/index.js", "generate", "--schema", schema], { stdio: "inherit", env });
  if (r.status !== 0) process.exit(r.status ?? 1);
}
