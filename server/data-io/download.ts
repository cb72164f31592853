import "server-only";
import { currentUser, type SessionUser } from "@/server/auth";
import { db } from "@/server/db";

/**
 * A download for the signed-in user: 401 without a session, else the body with a
 * Content-Disposition that names the file (dated, so successive exports do not overwrite).
 */
export async function userDownload(kind: { name: string; ext: string; type: string }, build: (user: SessionUser, database: typeof db, now: Date) => Promise<string>): Promise<Response> {
  const user = await currentUser();
  if (!user) return new Response("Sign in to export your data.\n", { status: 401, headers: { "content-type": "text/plain; charset=utf-8" } });
  const now = new Date();
  const body = await build(user, db, now);
  const file = `${kind.name}-${now.toISOString().slice(0, 10)}.${kind.ext}`;
  return new Response(body, {
    headers: {
      "content-type": `${kind.type}; charset=utf-8`,
      "content-disposition": `attachment; filename="${file}"`,
      "cache-control": "no-store",
    },
  });
}
