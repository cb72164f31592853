// Read-only looks into a SQLite file with better-sqlite3, to compare rows before and after an
// attack. The table list is read from the schema, so a table added later is covered too.
import Database from "better-sqlite3";
import { createHash } from "node:crypto";

export const openReadOnly = (file: string) => new Database(file, { readonly: true, fileMustExist: true });

type Db = ReturnType<typeof openReadOnly>;

function tables(db: Db): string[] {
  return (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' AND name NOT LIKE '\\_prisma%' ESCAPE '\\' ORDER BY name").all() as { name: string }[]).map((t) => t.name);
}

const columns = (db: Db, table: string) => (db.prepare(`PRAGMA table_info("${table}")`).all() as { name: string }[]).map((c) => c.name);
const foreignKeys = (db: Db, table: string) => db.prepare(`PRAGMA foreign_key_list("${table}")`).all() as { table: string; from: string; to: string }[];

/**
 * The SQL that selects one user's rows of `table`: by `userId`, by `id` for User, or through a
 * foreign key to a table that has a `userId` (QuizItem through QuizAttempt). Null: not per user.
 */
function userRowsSql(db: Db, table: string): string | null {
  const cols = columns(db, table);
  const order = cols.includes("id") ? "id" : cols.map((c) => `"${c}"`).join(", ");
  if (table === "User") return `SELECT * FROM "User" WHERE id = @userId ORDER BY id`;
  if (cols.includes("userId")) return `SELECT * FROM "${table}" WHERE userId = @userId ORDER BY ${order}`;
  for (const fk of foreignKeys(db, table)) {
    if (columns(db, fk.table).includes("userId")) {
      return `SELECT * FROM "${table}" WHERE "${fk.from}" IN (SELECT "${fk.to}" FROM "${fk.table}" WHERE userId = @userId) ORDER BY ${order}`;
    }
  }
  return null;
}

/** Every row that belongs to the user, table by table, exactly as stored. */
export function userRows(file: string, userId: string): Record<string, unknown[]> {
  const db = openReadOnly(file);
  try {
    const out: Record<string, unknown[]> = {};
    for (const t of tables(db)) {
      const sql = userRowsSql(db, t);
      if (sql) out[t] = db.prepare(sql).all({ userId }).map((row) => normalise(row));
    }
    return out;
  } finally {
    db.close();
  }
}

// Buffers (blobs) as hex so that a deep comparison sees their bytes
const normalise = (row: unknown) =>
  Object.fromEntries(Object.entries(row as Record<string, unknown>).map(([k, v]) => [k, Buffer.isBuffer(v) ? `blob:${v.toString("hex")}` : v]));

/** A digest of every table's full content, except the tables named in `skip`. */
export function databaseDigest(file: string, skip: string[] = []): Record<string, string> {
  const db = openReadOnly(file);
  try {
    const out: Record<string, string> = {};
    for (const t of tables(db)) {
      if (skip.includes(t)) continue;
      const rows = db.prepare(`SELECT * FROM "${t}" ORDER BY ${columns(db, t).map((c) => `"${c}"`).join(", ")}`).all();
      out[t] = `${rows.length} rows ${createHash("sha256").update(JSON.stringify(rows.map(normalise))).digest("hex").slice(0, 16)}`;
    }
    return out;
  } finally {
    db.close();
  }
}

export function userIdOf(file: string, email: string): string {
  const db = openReadOnly(file);
  try {
    const row = db.prepare("SELECT id FROM User WHERE email = ?").get(email) as { id: string } | undefined;
    if (!row) throw new Error(`no user ${email} in ${file}`);
    return row.id;
  } finally {
    db.close();
  }
}

export function query<T>(file: string, sql: string, ...params: unknown[]): T[] {
  const db = openReadOnly(file);
  try {
    return db.prepare(sql).all(...params) as T[];
  } finally {
    db.close();
  }
}
