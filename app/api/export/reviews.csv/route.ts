import { exportReviewCsv } from "@/server/data-io/export";
import { userDownload } from "@/server/data-io/download";

export const dynamic = "force-dynamic";

/** The review log as CSV in the FSRS tools' layout. */
export function GET() {
  return userDownload({ name: "trickdeck-reviews", ext: "csv", type: "text/csv" }, (user, db) => exportReviewCsv(db, user.id));
}
