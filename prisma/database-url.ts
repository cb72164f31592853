// DATABASE_URL, defaulting to the embedded SQLite file. Only SQLite is wired today; a
// postgres:// URL is refused here with a clear message rather than half-working.
import path from "node:path";

export const DEFAULT_DATABASE_URL = "file:./data/trickdeck.db";

export function sqliteUrl(env: NodeJS.ProcessEnv = process.env): string {
  const url = env.DATABASE_URL?.trim() || DEFAULT_DATABASE_URL;
  if (!url.startsWith("file:")) {
    throw new Error(`DATABASE_URL must be a SQLite URL like ${DEFAULT_DATABASE_URL} (got "${url.split(":")[0]}:...").`);
  }
  return `file:${path.resolve(url.slice("file:".length))}`;
}
