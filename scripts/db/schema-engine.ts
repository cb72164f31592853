// Prisma's schema engine as WebAssembly, driven through the better-sqlite3 driver adapter.
// The native schema-engine binary that the Prisma CLI downloads cannot be fetched on these
// machines; this runs the same engine, reading the same prisma/migrations folder and recording
// applied migrations in the same `_prisma_migrations` table as `prisma migrate deploy`.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { PrismaBetterSqlite3 } from "@prisma/adapter-better-sqlite3";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import * as bg from "@prisma/schema-engine-wasm/schema_engine_bg";

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

export const schemaPath = path.resolve("prisma/schema.prisma");

export async function openSchemaEngine(sqliteUrl: string, shadowDatabaseUrl = ":memory:") {
  loadWasm();
  const schema = readFileSync(schemaPath, "utf8");
  const adapter = bindMigrationAwareSqlAdapterFactory(new PrismaBetterSqlite3({ url: sqliteUrl }, { shadowDatabaseUrl }));
  const log = (msg: string) => {
    if (process.env.DEBUG_SCHEMA_ENGINE) console.error("[schema-engine]", msg);
  };
  return bg.SchemaEngine.new({ datamodels: [[schemaPath, schema]] }, log, adapter);
}
