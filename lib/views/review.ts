// What the review screen shows: plain data from server/review/view.ts to the client components.

export interface ReviewCardView {
  cardId: string;
  version: number;
  kind: string;
  kindLabel: string;
  queue: "new" | "learning" | "review";
  frontHtml: string;
  backHtml: string;
  trick: { slug: string; name: string; title: string; category: string };
  /** citations (title linked, first author, year), rendered */
  referencesHtml: string[];
  intervals: Record<1 | 2 | 3 | 4, string>;
}

export interface SessionSummary {
  reviewed: number;
  grades: Record<1 | 2 | 3 | 4, number>;
  timeMs: number;
  nextDue: string | null;
  tomorrow: { due: number; new: number };
}

export interface ReviewView {
  card: ReviewCardView | null;
  remaining: { learning: number; review: number; new: number };
  doneToday: number;
  later: { count: number; nextDue: string | null };
  suspended: number;
  summary: SessionSummary | null;
}
