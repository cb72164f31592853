// Typed-recall answers: compare names ignoring case, accents, spacing, hyphens and punctuation.
export function normaliseAnswer(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/&/g, " and ")
    .replace(/[^a-z0-9]+/g, "");
}

/** True when `given` matches the name or one of its aliases. */
export function isAcceptedAnswer(given: string, name: string, aliases: readonly string[]): boolean {
  const g = normaliseAnswer(given);
  if (!g) return false;
  return [name, ...aliases].some((candidate) => normaliseAnswer(candidate) === g);
}
