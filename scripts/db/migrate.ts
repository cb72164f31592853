// Database migrations for both engines without the Prisma CLI's native engine (schema-engine.ts).
//   tsx scripts/db/migrate.ts deploy        apply the migrations of DATABASE_URL's engine
//   tsx scripts/db/migrate.ts new <name>    write a migration for BOTH engines from schema.prisma
//   tsx scripts/db/migrate.ts check         fail when either engine's migrations drift from the model
// The wasm engine cannot diff against a shadow database here, so `new` diffs schema to schema:
// each folder's schema.snapshot.prisma is the model as of its newest migration.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { databaseUrl, type DatabaseTarget, type Engine } from "../../prisma/database-url";
import { checkReplay } from "./migrate-check";
import { adminUrl, unreachableReason, withAdvisoryLock } from "./pg-admin";
import { migrationsDirs, openSchemaEngine, schemaPaths } from "./schema-engine";

export const ENGINES: Engine[] = ["sqlite", "postgresql"];
const noFilters = { externalTables: [], externalEnums: [] };
const snapshotOf = (engine: Engine) => path.join(migrationsDirs[engine], "schema.snapshot.prisma");
// A schema-to-schema diff reads no tables, but the PostgreSQL engine connects to a server on
// start: it uses the test server (TEST_POSTGRES_URL, default the local one).
const diffUrl = (engine: Engine) => (engine === "sqlite" ? "file::memory:" : adminUrl());

function migrationList(dir: string) {
  const dirs = existsSync(dir) ? readdirSync(dir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort() : [];
  const lockPath = path.join(dir, "migration_lock.toml");
  return {
    baseDir: dir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: { path: "migration.sql", content: { tag: "ok" as const, value: readFileSync(path.join(dir, name, "migration.sql"), "utf8") } },
    })),
  };
}

/**
 * Instances that start at once on one PostgreSQL database queue here before the schema engine.
 * The engine takes its own advisory lock but gives up after 10 s, which a slow first migration
 * (a busy 2-core machine) outlasts; behind this lock the second instance waits, then finds
 * nothing to apply. The lock is PostgreSQL's only; prepare-db.ts covers SQLite.
 */
export const MIGRATE_LOCK_KEY = 7_263_002;
const MIGRATE_LOCK_WAIT_MS = 5 * 60_000;

/** Applies every pending migration of the target's engine; returns the names applied. */
export async function deployMigrations(target: DatabaseTarget): Promise<string[]> {
  if (target.engine === "postgresql") return withAdvisoryLock(target.url, MIGRATE_LOCK_KEY, MIGRATE_LOCK_WAIT_MS, () => applyAll(target));
  mkdirSync(path.dirname(target.url.slice("file:".length)), { recursive: true });
  return applyAll(target);
}

async function applyAll(target: DatabaseTarget): Promise<string[]> {
  const engine = await openSchemaEngine(target.engine, target.url);
  try {
    const out = await engine.applyMigrations({ migrationsList: migrationList(migrationsDirs[target.engine]), filters: noFilters });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/** SQL that turns schema `fromPath` (or an empty database) into schema `toPath`, for `engine`. */
export async function diffSql(engine: Engine, fromPath: string | null, toPath: string): Promise<string> {
  const file = (p: string) => ({ files: [{ path: p, content: readFileSync(p, "utf8") }] });
  const se = await openSchemaEngine(engine, diffUrl(engine));
  try {
    const diff = await se.diff({
      from: fromPath ? { tag: "schemaDatamodel", ...file(fromPath) } : { tag: "empty" },
      to: { tag: "schemaDatamodel", ...file(toPath) },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const sql = (diff.stdout ?? "").trim();
    return sql.startsWith("-- This is an empty migration") ? "" : sql;
  } finally {
    se.free();
  }
}

/** The SQL of changes in schema.prisma that no migration of `engine` covers yet ("" if none). */
export const pendingSql = (engine: Engine) => diffSql(engine, existsSync(snapshotOf(engine)) ? snapshotOf(engine) : null, schemaPaths()[engine]);

/** Writes one migration per engine, under the same folder name, for the change in schema.prisma. */
export async function newMigration(name: string, now = new Date()): Promise<string[]> {
  const stamp = now.toISOString().replace(/\D/g, "").slice(0, 14);
  const written: string[] = [];
  for (const engine of ENGINES) {
    const sql = await pendingSql(engine);
    if (!sql) continue;
    const dir = path.join(migrationsDirs[engine], `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
    const lock = path.join(migrationsDirs[engine], "migration_lock.toml");
    if (!existsSync(lock)) writeFileSync(lock, `# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "${engine}"\n`);
    copyFileSync(schemaPaths()[engine], snapshotOf(engine));
    written.push(path.relative(process.cwd(), path.join(dir, "migration.sql")));
  }
  return written;
}

async function check() {
  // the PostgreSQL side needs a server even to diff (see diffUrl); without one, skip it loudly
  const why = await unreachableReason(adminUrl());
  if (why && process.env.CI === "true") throw new Error(`PostgreSQL is required in CI (TEST_POSTGRES_URL): ${why}`);
  if (why) console.warn(`\n*** SKIPPED PostgreSQL migrations check: ${why}. Set TEST_POSTGRES_URL to check them. ***\n`);
  const engines = ENGINES.filter((e) => e === "sqlite" || !why);
  for (const engine of engines) {
    const pending = await pendingSql(engine);
    if (pending) throw new Error(`prisma/schema.prisma has changes that no ${engine} migration covers. Run \`npm run db:migration -- <name>\`.\n${pending}`);
  }
  for (const engine of engines) await checkReplay(engine, await diffSql(engine, null, schemaPaths()[engine]));
  console.log(`Migrations of ${engines.join(" and ")} match schema.prisma.`);
}

async function main() {
  const [command, name] = process.argv.slice(2);
  if (command === "deploy") {
    const applied = await deployMigrations(databaseUrl());
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database schema is up to date.");
  } else if (command === "new") {
    if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: npm run db:migration -- <snake_case_name>");
    const written = await newMigration(name);
    console.log(written.length ? written.map((w) => `Wrote ${w}`).join("\n") : "schema.prisma matches the migrations: nothing to write.");
  } else if (command === "check") {
    await check();
  } else {
    throw new Error("usage: migrate.ts deploy | new <name> | check");
  }
}

if (process.argv[1]?.endsWith("migrate.ts")) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.message : err);
    process.exit(1);
  });
}
