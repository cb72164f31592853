import "server-only";
import { AppError } from "@/lib/app-error";
import { MAX_BACKUP_BYTES, parseBackup } from "@/lib/fsrs-fit/backup-format";
import { checkActionOrigin } from "@/lib/security/request-checks";
import { currentUser } from "@/server/auth";
import { db } from "@/server/db";
import { describeImport, importBackup } from "./import-backup";

const json = (status: number, body: object) => Response.json(body, { status, headers: { "cache-control": "no-store" } });
const tooLarge = () => json(413, { ok: false, message: `The file is larger than ${MAX_BACKUP_BYTES / 1048576} MB, the most a backup import accepts. Nothing was changed.` });

/** Reads at most `limit` bytes of the body; null when it is longer (the rest is never buffered). */
async function readCapped(request: Request, limit: number): Promise<{ text: string; bytes: number } | null> {
  if (Number(request.headers.get("content-length") ?? "0") > limit) return null;
  const reader = request.body?.getReader();
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  for (;;) {
    if (!reader) break;
    const { done, value } = await reader.read();
    if (done) break;
    bytes += value.byteLength;
    if (bytes > limit) {
      await reader.cancel();
      return null;
    }
    chunks.push(value);
  }
  return { text: Buffer.concat(chunks).toString("utf8"), bytes };
}

/**
 * POST /api/import: the backup file as the request body. Same-origin only (like a server action:
 * the session cookie alone must not be enough), signed-in only, size-capped, zod-validated, then
 * applied in one transaction. Answers { ok, message }.
 */
export async function handleImport(request: Request): Promise<Response> {
  const origin = checkActionOrigin(request.headers.get("origin"), request.headers.get("host"));
  if (!origin.ok) return json(403, { ok: false, message: origin.reason });
  const user = await currentUser();
  if (!user) return json(401, { ok: false, message: "Your session has ended. Sign in again." });
  const body = await readCapped(request, MAX_BACKUP_BYTES);
  if (!body) return tooLarge();
  const parsed = parseBackup(body.text, body.bytes);
  if (!parsed.ok) return json(400, { ok: false, message: parsed.message });
  try {
    const report = await importBackup(db, user.id, parsed.backup);
    return json(200, { ok: true, message: describeImport(report), report });
  } catch (err) {
    if (err instanceof AppError) return json(400, { ok: false, message: err.message });
    const errorId = crypto.randomUUID().slice(0, 8);
    console.error(`[import] unexpected error ${errorId}:`, err);
    return json(500, { ok: false, message: `The import failed and nothing was changed. If it happens again, quote error ${errorId}.` });
  }
}
