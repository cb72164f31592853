// The PostgreSQL writer for the rows of insert-history.ts (the benchmarks seed both engines with
// the same rows, computed once): parameterised INSERT ... SELECT FROM unnest(arrays) through `pg`,
// 20,000 rows per statement, in one transaction. Dates go as the ISO text (+00:00) the rows hold, which
// a TIMESTAMP(3) column reads as UTC, as Prisma writes them.
import type pg from "pg";
import { HOUR_COLUMNS, LOG_COLUMNS, STATE_COLUMNS, STATE_UPDATED, type HistoryRows } from "./insert-history";

type Value = string | number | boolean | null;

/** rows per statement: one array parameter per column, so only memory bounds it */
const ROWS_PER_STATEMENT = 20_000;
const q = (name: string) => `"${name}"`;

/** the SQL type of each column (for the array casts), read from the catalogue */
async function columnTypes(client: pg.ClientBase, table: string, columns: readonly string[]): Promise<string[]> {
  const { rows } = await client.query<{ name: string; type: string }>(
    `SELECT attname AS name, format_type(atttypid, atttypmod) AS type FROM pg_attribute WHERE attrelid = $1::regclass AND attnum > 0 AND NOT attisdropped`,
    [q(table)],
  );
  const byName = new Map(rows.map((r) => [r.name, r.type]));
  return columns.map((c) => {
    const type = byName.get(c);
    if (!type) throw new Error(`${table} has no column ${c}`);
    return type;
  });
}

/**
 * INSERT INTO table (columns) SELECT * FROM unnest($1::type[], $2::type[], ...) [suffix]: one
 * array parameter per column, so a statement carries thousands of rows at the cost of one
 * parse, well past the 65,535-parameter limit of a VALUES list.
 */
export async function insertRows(client: pg.ClientBase, table: string, columns: readonly string[], rows: Iterable<readonly Value[]>, suffix = ""): Promise<number> {
  const all = Array.isArray(rows) ? (rows as readonly Value[][]) : [...rows];
  if (!all.length) return 0;
  const types = await columnTypes(client, table, columns);
  const sql = `INSERT INTO ${q(table)} (${columns.map(q).join(", ")}) SELECT * FROM unnest(${types.map((t, i) => `$${i + 1}::${t}[]`).join(", ")}) ${suffix}`;
  for (let start = 0; start < all.length; start += ROWS_PER_STATEMENT) {
    const chunk = all.slice(start, start + ROWS_PER_STATEMENT);
    const arrays = columns.map((_, i) =>
      chunk.map((row) => {
        if (row.length !== columns.length) throw new Error(`${table}: a row of ${row.length} values for ${columns.length} columns`);
        return row[i];
      }),
    );
    await client.query(sql, arrays);
  }
  return all.length;
}

/** Writes history rows in one transaction (upserting states and hours already there), as writeHistorySqlite does. */
export async function writeHistoryPostgres(client: pg.ClientBase, rows: HistoryRows): Promise<void> {
  await client.query("BEGIN");
  try {
    // the rows reference users and cards that exist (the caller writes those first): skip the
    // per-row foreign-key triggers for this transaction where the role may (a superuser), which
    // halves the time of 100,000 logs; elsewhere the checks run
    await client.query("SAVEPOINT fk");
    await client.query("SET LOCAL session_replication_role = replica").then(
      () => client.query("RELEASE SAVEPOINT fk"),
      () => client.query("ROLLBACK TO SAVEPOINT fk"),
    );
    await insertRows(client, "ReviewLog", LOG_COLUMNS, rows.logs);
    await insertRows(client, "ReviewHour", HOUR_COLUMNS, rows.hours.values(),
      `ON CONFLICT ("userId", "hour") DO UPDATE SET "reviews" = "ReviewHour"."reviews" + excluded."reviews", "durationMs" = "ReviewHour"."durationMs" + excluded."durationMs"`);
    await insertRows(client, "CardState", STATE_COLUMNS, rows.states.values(),
      `ON CONFLICT ("userId", "cardId") DO UPDATE SET ${STATE_UPDATED.map((c) => `${q(c)} = excluded.${q(c)}`).join(", ")}`);
    await client.query("COMMIT");
  } catch (err) {
    await client.query("ROLLBACK").catch(() => {});
    throw err;
  }
  // statistics for the planner, as autovacuum keeps them on a database in use (a bulk load
  // would otherwise leave it guessing for the next minute)
  await client.query(`ANALYZE "ReviewLog", "ReviewHour", "CardState"`);
}
