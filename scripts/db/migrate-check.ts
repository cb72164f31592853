// `npm run db:check`, second half: replay each engine's migrations into a scratch database and
// compare it, table by table, with a scratch database built straight from the model.
// PostgreSQL needs a server (TEST_POSTGRES_URL, default the local one; migrate.ts checks it).
import { spawnSync } from "node:child_process";
import { mkdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import type { Engine } from "../../prisma/database-url";
import { adminUrl, createDatabase, dropDatabase, scratchName, urlFor, withAdmin } from "./pg-admin";

/** Applies the migrations in a child process: the schema engine keeps its connection until exit. */
export function deployInChild(url: string) {
  const r = spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", path.resolve("scripts/db/migrate.ts"), "deploy"], { env: { ...process.env, DATABASE_URL: url }, encoding: "utf8" });
  if (r.status !== 0) throw new Error(`Replaying migrations into ${url} failed:\n${r.stdout}${r.stderr}`);
}

function sqliteStructure(file: string): Record<string, string> {
  const db = new Database(file, { readonly: true });
  try {
    const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name <> '_prisma_migrations' ORDER BY name").all() as { name: string }[];
    return Object.fromEntries(
      tables.map(({ name }) => [
        name,
        JSON.stringify({
          // column order is not compared: ALTER TABLE appends, the model may list a field earlier
          columns: (db.prepare(`PRAGMA table_info("${name}")`).all() as { name: string }[]).map((c) => ({ ...c, cid: 0 })).sort((a, b) => a.name.localeCompare(b.name)),
          indexes: (db.prepare(`PRAGMA index_list("${name}")`).all() as { name: string }[])
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

async function pgStructure(url: string): Promise<Record<string, string>> {
  return withAdmin(url, async (c) => {
    const q = async (sql: string) => (await c.query(sql)).rows as Record<string, unknown>[];
    const columns = await q(`SELECT table_name AS t, column_name, data_type, is_nullable, column_default
      FROM information_schema.columns WHERE table_schema = 'public' ORDER BY table_name, column_name`);
    const indexes = await q(`SELECT tablename AS t, indexname, indexdef FROM pg_indexes WHERE schemaname = 'public' ORDER BY tablename, indexname`);
    const constraints = await q(`SELECT cl.relname AS t, co.conname, pg_get_constraintdef(co.oid) AS def FROM pg_constraint co
      JOIN pg_class cl ON cl.oid = co.conrelid JOIN pg_namespace n ON n.oid = cl.relnamespace WHERE n.nspname = 'public' ORDER BY 1, 2`);
    const out: Record<string, string> = {};
    for (const t of new Set(columns.map((r) => String(r.t)))) {
      if (t === "_prisma_migrations") continue;
      const of = (rows: Record<string, unknown>[]) => rows.filter((r) => r.t === t);
      out[t] = JSON.stringify({ columns: of(columns), indexes: of(indexes), constraints: of(constraints) });
    }
    return out;
  });
}

function compare(engine: Engine, migrated: Record<string, string>, expected: Record<string, string>) {
  const differ = [...new Set([...Object.keys(migrated), ...Object.keys(expected)])].filter((t) => migrated[t] !== expected[t]);
  if (differ.length) {
    throw new Error(
      `Replaying the ${engine} migrations does not produce the database schema.prisma describes (tables: ${differ.join(", ")}).\n` +
        differ.map((t) => `migrated ${t}: ${migrated[t]}\nexpected ${t}: ${expected[t]}`).join("\n"),
    );
  }
}

export async function checkReplay(engine: Engine, freshSql: string) {
  if (engine === "sqlite") {
    const dir = path.join(os.tmpdir(), `trickdeck-migrate-check-${process.pid}`);
    rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    try {
      deployInChild(`file:${dir}/migrated.db`);
      const fresh = new Database(`${dir}/fresh.db`);
      fresh.exec(freshSql);
      fresh.close();
      compare(engine, sqliteStructure(`${dir}/migrated.db`), sqliteStructure(`${dir}/fresh.db`));
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return;
  }
  const admin = adminUrl();
  const [migratedDb, freshDb] = [scratchName("check_migrated"), scratchName("check_fresh")];
  try {
    await createDatabase(admin, migratedDb);
    await createDatabase(admin, freshDb);
    deployInChild(urlFor(admin, migratedDb));
    await withAdmin(urlFor(admin, freshDb), (c) => c.query(freshSql));
    compare(engine, await pgStructure(urlFor(admin, migratedDb)), await pgStructure(urlFor(admin, freshDb)));
  } finally {
    await dropDatabase(admin, migratedDb);
    await dropDatabase(admin, freshDb);
  }
}
