import { exportAnkiDeck } from "@/server/data-io/export";
import { userDownload } from "@/server/data-io/download";

export const dynamic = "force-dynamic";

/** The deck as an Anki import file (tab-separated text with Anki's header lines). */
export function GET() {
  return userDownload({ name: "trickdeck-anki", ext: "txt", type: "text/plain" }, (_user, db) => exportAnkiDeck(db));
}
