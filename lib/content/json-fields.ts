// Catalogue columns stored as JSON arrays of strings (aliases, tags, corrections, authors).
export function asStringArray(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}
