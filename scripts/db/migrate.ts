// Database migrations without the Prisma CLI's native engine (see schema-engine.ts).
//   tsx scripts/db/migrate.ts deploy        apply prisma/migrations/* to DATABASE_URL
//   tsx scripts/db/migrate.ts new <name>    write a migration for the change in schema.prisma
//   tsx scripts/db/migrate.ts check         fail when schema.prisma and the migrations differ
// The wasm engine cannot diff against a shadow database here, so `new` diffs schema to schema:
// prisma/migrations/schema.snapshot.prisma is the schema as of the newest migration.
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { spawnSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { openSchemaEngine, schemaPath } from "./schema-engine";
import { sqliteUrl } from "../../prisma/database-url";

const migrationsDir = path.resolve("prisma/migrations");
const snapshotPath = path.join(migrationsDir, "schema.snapshot.prisma");
const noFilters = { externalTables: [], externalEnums: [] };

function migrationList() {
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort()
    : [];
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  return {
    baseDir: migrationsDir,
    lockfile: { path: "migration_lock.toml", content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    shadowDbInitScript: "",
    migrationDirectories: dirs.map((name) => ({
      path: name,
      migrationFile: {
        path: "migration.sql",
        content: { tag: "ok" as const, value: readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
      },
    })),
  };
}

/** Applies every pending migration to the SQLite database at `url`; returns the names applied. */
export async function deployMigrations(url: string): Promise<string[]> {
  mkdirSync(path.dirname(path.resolve(url.replace(/^file:/, ""))), { recursive: true });
  const engine = await openSchemaEngine(url);
  try {
    const out = await engine.applyMigrations({ migrationsList: migrationList(), filters: noFilters });
    return out.appliedMigrationNames;
  } finally {
    engine.free();
  }
}

/** SQL that turns schema `fromPath` (or an empty database) into schema `toPath`. */
async function diffSql(fromPath: string | null, toPath: string): Promise<string> {
  const file = (p: string) => ({ files: [{ path: p, content: readFileSync(p, "utf8") }] });
  const engine = await openSchemaEngine("file::memory:");
  try {
    const diff = await engine.diff({
      from: fromPath ? { tag: "schemaDatamodel", ...file(fromPath) } : { tag: "empty" },
      to: { tag: "schemaDatamodel", ...file(toPath) },
      script: true,
      exitCode: null,
      filters: noFilters,
    });
    const sql = (diff.stdout ?? "").trim();
    return sql.startsWith("-- This is an empty migration") ? "" : sql;
  } finally {
    engine.free();
  }
}

/** Tables, columns and indexes of a SQLite file, in a comparable form. */
function structure(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db
      .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name")
      .all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        JSON.stringify({
          columns: db.prepare(`PRAGMA table_info("${name}")`).all(),
          indexes: (db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string; unique: number }[])
            .map((i) => ({ ...i, seq: 0, cols: db.prepare(`PRAGMA index_info("${i.name}")`).all() }))
            .sort((a, b) => a.name.localeCompare(b.name)),
          foreignKeys: db.prepare(`PRAGMA foreign_key_list("${name}")`).all(),
        }),
      ]),
    );
  } finally {
    db.close();
  }
}

async function check() {
  const pending = await diffSql(existsSync(snapshotPath) ? snapshotPath : null, schemaPath);
  if (pending) throw new Error("prisma/schema.prisma has changes that no migration covers. Run `npm run db:migration -- <name>`.\n" + pending);
  const dir = path.join(os.tmpdir(), `trickdeck-migrate-check-${process.pid}`);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  try {
    // a separate process: the engine keeps its connection (and a lock) until the process exits
    const r = spawnSync(process.execPath, [...process.execArgv, process.argv[1], "deploy"], {
      env: { ...process.env, DATABASE_URL: `file:${dir}/migrated.db` },
      stdio: "inherit",
    });
    if (r.status !== 0) throw new Error("Replaying prisma/migrations failed.");
    const fresh = new Database(`${dir}/fresh.db`);
    fresh.exec(await diffSql(null, schemaPath));
    fresh.close();
    const migrated = structure(`${dir}/migrated.db`);
    const expected = structure(`${dir}/fresh.db`);
    const differ = [...new Set([...Object.keys(migrated), ...Object.keys(expected)])].filter((t) => migrated[t] !== expected[t]);
    if (differ.length) {
      throw new Error(`Replaying prisma/migrations does not produce the database schema.prisma describes (tables: ${differ.join(", ")}).\n` + differ.map((t) => `migrated ${t}: ${migrated[t]}\nexpected ${t}: ${expected[t]}`).join("\n"));
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  console.log("Migrations match schema.prisma.");
}

async function main() {
  const [command, name] = process.argv.slice(2);
  if (command === "deploy") {
    const applied = await deployMigrations(sqliteUrl());
    console.log(applied.length ? `Applied ${applied.length} migration(s): ${applied.join(", ")}` : "Database schema is up to date.");
  } else if (command === "new") {
    if (!name || !/^[a-z0-9_]+$/.test(name)) throw new Error("usage: migrate.ts new <snake_case_name>");
    const sql = await diffSql(existsSync(snapshotPath) ? snapshotPath : null, schemaPath);
    if (!sql) return console.log("schema.prisma matches the migrations: nothing to write.");
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const dir = path.join(migrationsDir, `${stamp}_${name}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), sql + "\n");
    const lock = path.join(migrationsDir, "migration_lock.toml");
    if (!existsSync(lock)) writeFileSync(lock, '# Please do not edit this file manually\nprovider = "sqlite"\n');
    copyFileSync(schemaPath, snapshotPath);
    console.log(`Wrote ${path.relative(process.cwd(), dir)}/migration.sql`);
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
