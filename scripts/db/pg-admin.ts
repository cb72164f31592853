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

/**
 * Runs `fn` while this process holds the session advisory lock `key` on the database at `url`,
 * waiting up to `waitMs` for another holder to let go (PostgreSQL's lock_timeout; the error names
 * the lock when it runs out). The lock goes with the connection, so a crashed holder frees it.
 */
export async function withAdvisoryLock<T>(url: string, key: number, waitMs: number, fn: () => Promise<T>): Promise<T> {
  if (!Number.isSafeInteger(key) || !Number.isSafeInteger(waitMs) || waitMs < 0) throw new Error("withAdvisoryLock: key and waitMs must be integers");
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET lock_timeout = ${waitMs}`);
    try {
      await client.query("SELECT pg_advisory_lock($1)", [key]);
    } catch (err) {
      throw new Error(`Waited ${Math.round(waitMs / 1000)} s for advisory lock ${key} (another instance migrating?): ${err instanceof Error ? err.message : String(err)}`);
    }
    return await fn();
  } finally {
    await client.end(); // ends the session, which releases the lock
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
