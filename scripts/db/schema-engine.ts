// Prisma's schema engine as WebAssembly, driven through a driver adapter: better-sqlite3 for
// SQLite, node-postgres for PostgreSQL. The native schema-engine binary that the Prisma CLI
// downloads cannot be fetched on these machines; this runs the same engine, reading the same
// migrations folders and recording applied migrations in the same `_prisma_migrations` table as
// `prisma migrate deploy`.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaPg } from "@prisma/adapter-pg";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";
import type { Engine } from "../../prisma/database-url";
import { writePostgresSchema } from "./postgres-schema.mjs";

const require = createRequire(import.meta.url);
let wasmReady = false;

function loadWasm() {
  if (wasmReady) return;
  const wasmPath = path.join(path.dirname(require.resolve("@prisma/schema-engine-wasm/schema_engine_bg")), "schema_engine_bg.wasm");
  const wasmModule = new WebAssembly.Module(readFileSync(wasmPath));
  const instance = new WebAssembly.Instance(wasmModule, { "./schema_engine_bg.js": bg as unknown as WebAssembly.ModuleImports });
  bg.__wbg_set_wasm(instance.exports);
  (instance.exports.__wbindgen_start as () => void)();
  wasmReady = true;
}

/** The model each engine's migrations follow: schema.prisma, or its generated PostgreSQL copy. */
export const schemaPaths = (): Record<Engine, string> => ({ sqlite: path.resolve("prisma/schema.prisma"), postgresql: writePostgresSchema() });

/** Migrations folder per engine (both hold real Prisma migration folders + migration_lock.toml). */
export const migrationsDirs: Record<Engine, string> = {
  sqlite: path.resolve("prisma/migrations"),
  postgresql: path.resolve("prisma/migrations-postgres"),
};

/**
 * A schema engine for `engine` at `url`. A schema-to-schema diff never connects, so for diffs
 * `url` may be a placeholder (PostgreSQL: any URL; no server is needed).
 */
export async function openSchemaEngine(engine: Engine, url: string) {
  loadWasm();
  const schemaPath = schemaPaths()[engine];
  const schema = readFileSync(schemaPath, "utf8");
  const factory = engine === "sqlite" ? new PrismaBetterSqlite3({ url }, { shadowDatabaseUrl: ":memory:" }) : new PrismaPg({ connectionString: url, max: 2 });
  const adapter = bindMigrationAwareSqlAdapterFactory(factory);
  const log = (msg: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error("[schema-engine]", msg);
  };
  return bg.SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, log, adapter);
}
