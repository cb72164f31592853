import { exportBackup } from "@/server/data-io/export";
import { userDownload } from "@/server/data-io/download";

export const dynamic = "force-dynamic";

/** The full JSON backup (format version inside). */
export function GET() {
  return userDownload({ name: "trickdeck-backup", ext: "json", type: "application/json" }, async (user, db, now) => JSON.stringify(await exportBackup(db, user.id, now)));
}
