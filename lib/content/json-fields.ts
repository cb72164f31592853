// Catalogue columns stored as JSON arrays of strings (aliases, tags, corrections, authors).
export function asStringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** A Json column as a raw driver returns it: parsed already (pg, Prisma) or JSON text (SQLite); null when unreadable. */
export function jsonColumn(value: unknown): unknown {
  if (typeof value !== "string") return value;
  try {
    return JSON.parse(value);
  } catch {
    return null;
  }
}
