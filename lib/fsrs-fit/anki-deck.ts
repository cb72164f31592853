// The deck as a text file Anki imports (File > Import): one note per line, tab-separated,
// with the header lines Anki reads. Columns: front, back, reference, tags, and the card id as
// the note's GUID so importing a newer export updates the notes instead of duplicating them.

export interface AnkiNote {
  cardId: string;
  front: string;
  back: string;
  reference: string;
  /** tags without spaces, e.g. "trickdeck::regularization" */
  tags: string[];
}

export const ANKI_HEADER = ["#separator:tab", "#html:true", "#columns:Front\tBack\tReference\tTags\tGUID", "#tags column:4", "#guid column:5", "#deck:Trickdeck"];

const escapeHtml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/**
 * One field as Anki HTML: HTML-escaped, TeX delimiters turned into MathJax's \(..\) and \[..\]
 * (Anki renders those), line breaks as <br>, tabs as spaces (a tab would start a new column).
 */
export function ankiField(text: string): string {
  return escapeHtml(text)
    .replace(/\$\$([\s\S]+?)\$\$/g, (_, tex: string) => `\\[${tex}\\]`)
    .replace(/\$([^$\n]+?)\$/g, (_, tex: string) => `\\(${tex}\\)`)
    .replace(/\t/g, " ")
    .replace(/\r?\n/g, "<br>");
}

/** A tag Anki accepts: no spaces (Anki splits tags on spaces). */
export const ankiTag = (s: string) => s.trim().replace(/\s+/g, "_");

export function ankiDeck(notes: Iterable<AnkiNote>): string {
  const lines = [...ANKI_HEADER];
  for (const n of notes) lines.push([ankiField(n.front), ankiField(n.back), ankiField(n.reference), n.tags.map(ankiTag).join(" "), ankiTag(n.cardId)].join("\t"));
  return `${lines.join("\n")}\n`;
}

/** "Ioffe, Szegedy (2015). Batch Normalization. ICML. https://..." from a reference row. */
export function referenceText(ref: { authors: string[]; year: number | null; title: string | null; venue: string | null; url: string | null } | null): string {
  if (!ref) return "";
  const head = [ref.authors.join(", "), ref.year ? `(${ref.year})` : ""].filter(Boolean).join(" ");
  return [head, ref.title, ref.venue, ref.url].filter((p): p is string => Boolean(p)).join(". ");
}
