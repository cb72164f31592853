// Creating and dropping throwaway PostgreSQL databases (db:check, tests, db:copy's test).
// Every database made here is named `trickdeck_pg_...` so leftovers are easy to find and drop.
import pg from "pg";

export const DEFAULT_TEST_POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/postgres";

/** The server used for scratch databases: TEST_POSTGRES_URL, else the local default. */
export const adminUrl = (env: NodeJS.ProcessEnv = process.env) => env.TEST_POSTGRES_URL?.trim() || DEFAULT_TEST_POSTGRES_URL;

/** The same server and credentials, another database. */
export function urlFor(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

/** null when the server answers, else why not (for the "SKIPPED" message). */
export async function unreachableReason(url: string): Promise<string | null> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
    return null;
  } catch (err) {
    return `${url.replace(/:[^:@/]*@/, ":***@")} is not reachable (${err instanceof Error ? err.message || err.name : String(err)})`;
  } finally {
    await client.end().catch(() => {});
  }
}

export async function withAdmin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

const ident = (name: string) => {
  if (!/^trickdeck_pg_[a-z0-9_]+$/.test(name)) throw new Error(`refusing a database name outside trickdeck_pg_*: ${name}`);
  return `"${name}"`;
};

export const scratchName = (label: string) => `trickdeck_pg_${label}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;

export async function createDatabase(url: string, name: string, template?: string) {
  await withAdmin(url, (c) => c.query(`CREATE DATABASE ${ident(name)}${template ? ` TEMPLATE ${ident(template)}` : ""}`));
}

export async function dropDatabase(url: string, name: string) {
  await withAdmin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${ident(name)} WITH (FORCE)`));
}
