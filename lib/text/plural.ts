// One way to write a count with its noun: "1 trick", "2 tricks", "1 category", "0 categories".
// English only; irregular plurals are passed in rather than guessed.

/** The noun for `n` of it: `noun(1, "trick")` = "trick", `noun(3, "trick")` = "tricks". */
export function noun(n: number, singular: string, plural = `${singular}s`): string {
  return n === 1 ? singular : plural;
}

/** The count and its noun: `count(1, "trick")` = "1 trick", `count(3, "category", "categories")` = "3 categories". */
export function count(n: number, singular: string, plural?: string): string {
  return `${n.toLocaleString("en-US")} ${noun(n, singular, plural)}`;
}
