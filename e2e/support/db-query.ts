// Read-only queries for tests that run against either engine: a `file:` URL opens the SQLite file
// with better-sqlite3, a postgres:// URL goes through node-postgres. SQL uses `?` placeholders and
// quoted identifiers, which both engines accept; PostgreSQL gets them renumbered as $1, $2, ...
import pg from "pg";
import { openReadOnly } from "./db-snapshot";

export async function queryAny<T>(databaseUrl: string, sql: string, ...params: unknown[]): Promise<T[]> {
  if (databaseUrl.startsWith("file:")) {
    const db = openReadOnly(databaseUrl.slice("file:".length));
    try {
      return db.prepare(sql).all(...params) as T[];
    } finally {
      db.close();
    }
  }
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  try {
    let n = 0;
    const res = await client.query(sql.replace(/\?/g, () => `$${++n}`), params);
    return res.rows as T[];
  } finally {
    await client.end();
  }
}
