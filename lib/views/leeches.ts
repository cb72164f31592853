// One leech as /progress lists it (server/queries/leeches.ts).

export interface LeechRow {
  cardId: string;
  kind: string;
  prompt: string;
  trick: { slug: string; name: string };
  lapses: number;
  lastReview: Date | null;
  recall: number | null;
  suspended: boolean;
  /** suspended by the leech rule rather than by the user */
  leechSuspended: boolean;
}
