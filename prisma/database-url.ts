// DATABASE_URL picks the engine: `file:...` is the embedded SQLite file (the default),
// `postgres://` or `postgresql://` is a PostgreSQL server. Anything else is refused clearly.
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/trickdeck.db";

export type Engine = "sqlite" | "postgresql";
export interface DatabaseTarget {
  engine: Engine;
  /** SQLite: `file:` and an absolute path; PostgreSQL: the URL as given */
  url: string;
}

/** The engine and normalised URL for a DATABASE_URL value (empty or unset = the default file). */
export function databaseTarget(raw: string | undefined): DatabaseTarget {
  const url = raw?.trim() || DEFAULT_DATABASE_URL;
  if (url.startsWith("file:")) return { engine: "sqlite", url: `file:${path.resolve(url.slice("file:".length))}` };
  if (/^postgres(ql)?:\/\//.test(url)) return { engine: "postgresql", url };
  throw new Error(`DATABASE_URL must be a SQLite URL like ${DEFAULT_DATABASE_URL} or a PostgreSQL URL like postgres://user:password@host:5432/trickdeck (got "${url.split(":")[0]}:...").`);
}

export const databaseUrl = (env: Record<string, string | undefined> = process.env) => databaseTarget(env.DATABASE_URL);

/**
 * Connections per app instance to PostgreSQL (DATABASE_POOL_SIZE, default 10). Sizing rule in
 * README "Deploying": instances x pool size must stay below the server's max_connections.
 */
export function poolSize(env: Record<string, string | undefined> = process.env): number {
  const raw = env.DATABASE_POOL_SIZE?.trim();
  if (!raw) return 10;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 1 || n > 1000) throw new Error(`DATABASE_POOL_SIZE must be a whole number from 1 to 1000 (got "${raw}").`);
  return n;
}
