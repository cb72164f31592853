// The review log as the FSRS tools read it (fsrs-rs convert_csv, the FSRS optimizer):
//   card_id, review_time (Unix ms), review_rating (1-4), review_state (state BEFORE the review:
//   0 new, 1 learning, 2 review, 3 relearning), review_duration (ms).
// One row per review, oldest first within each card.

export const REVIEW_CSV_HEADER = "card_id,review_time,review_rating,review_state,review_duration";

export interface CsvReview {
  cardId: string;
  review: Date;
  rating: number;
  state: number;
  durationMs: number | null;
}

/** Quotes a field only when it needs it (RFC 4180): commas, quotes or line breaks. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export function reviewCsvLine(r: CsvReview): string {
  return [csvField(r.cardId), r.review.getTime(), r.rating, r.state, r.durationMs ?? 0].join(",");
}

export function reviewLogCsv(rows: Iterable<CsvReview>): string {
  const lines = [REVIEW_CSV_HEADER];
  for (const r of rows) lines.push(reviewCsvLine(r));
  return `${lines.join("\n")}\n`;
}
