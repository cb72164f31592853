// Mastery of categories and tricks from per-group aggregates the database computed.

/** Cards are "mature" once their interval reaches this many days (as in Anki). */
export const MATURE_DAYS = 21;

export interface MasteryCounts {
  cards: number;
  new: number;
  learning: number;
  young: number;
  mature: number;
  /** mean predicted recall now of the cards studied, or null if none */
  recall: number | null;
}

/**
 * One number from 0 to 1 for colouring: the share of cards known, weighted by how well they are
 * known (mature counts fully, young half, learning a quarter), scaled by today's predicted recall.
 */
export function masteryScore(m: MasteryCounts): number {
  if (m.cards === 0) return 0;
  const known = (m.mature + 0.5 * m.young + 0.25 * m.learning) / m.cards;
  return Math.max(0, Math.min(1, known * (m.recall ?? 0)));
}

export type MasteryBand = "none" | "started" | "developing" | "solid" | "mastered";

export function masteryBand(score: number, studied: boolean): MasteryBand {
  if (!studied) return "none";
  if (score >= 0.75) return "mastered";
  if (score >= 0.45) return "solid";
  if (score >= 0.15) return "developing";
  return "started";
}

export interface TrickRow {
  slug: string;
  name: string;
  category: string;
  cards: number;
  studied: number;
  recall: number | null;
  stability: number | null;
  lapses: number;
  lastReview: string | null;
  nextDue: string | null;
}

export type TrickSortKey = "recall" | "stability" | "lapses" | "lastReview" | "nextDue" | "name";

/** Weakest first by default: studied tricks by ascending recall, then unstudied ones by name. */
export function sortTricks(rows: readonly TrickRow[], key: TrickSortKey = "recall", descending = false): TrickRow[] {
  const value = (r: TrickRow): number | string | null =>
    key === "name" ? r.name.toLowerCase() : r.studied === 0 ? null : key === "lapses" ? r.lapses : key === "lastReview" ? r.lastReview : key === "nextDue" ? r.nextDue : r[key];
  return [...rows].sort((a, b) => {
    const va = value(a);
    const vb = value(b);
    if (va === null && vb === null) return a.name.localeCompare(b.name);
    if (va === null) return 1; // unstudied last, whatever the direction
    if (vb === null) return -1;
    const c = va < vb ? -1 : va > vb ? 1 : a.name.localeCompare(b.name);
    return descending ? -c : c;
  });
}
