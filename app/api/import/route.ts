import { handleImport } from "@/server/data-io/import-request";

export const dynamic = "force-dynamic";

/** Imports a JSON backup into the signed-in user's account (see server/data-io/import-request.ts). */
export function POST(request: Request) {
  return handleImport(request);
}
