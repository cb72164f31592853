// Cheap checks on a request before the framework sees it, so that malformed requests get a 4xx
// with a reason instead of a 500 from deep inside Next.js.
export const MAX_ACTION_BODY_BYTES = 1_000_000;

export type Verdict = { ok: true } | { ok: false; status: 400 | 403 | 413 | 415; reason: string };

/** A path whose percent-encoding does not decode (e.g. "/tricks/%"). */
export function checkPath(pathname: string): Verdict {
  try {
    decodeURIComponent(pathname);
    return { ok: true };
  } catch {
    return { ok: false, status: 400, reason: "Malformed percent-encoding in the URL." };
  }
}

/** A server action must come from this site: its Origin's host equals the Host it was sent to. */
export function checkActionOrigin(origin: string | null, host: string | null): Verdict {
  if (!origin || !host) return { ok: false, status: 403, reason: "Server actions need Origin and Host headers." };
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    return { ok: false, status: 403, reason: "Unreadable Origin header." };
  }
  return originHost.toLowerCase() === host.toLowerCase() ? { ok: true } : { ok: false, status: 403, reason: "Cross-origin server action refused." };
}

/** The body of a server action as React sends it: JSON text, or a form. */
export async function checkActionBody(contentType: string | null, body: string, parseForm: () => Promise<boolean>): Promise<Verdict> {
  if (new TextEncoder().encode(body).length > MAX_ACTION_BODY_BYTES) return { ok: false, status: 413, reason: "Request body too large." };
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type === "") return { ok: false, status: 415, reason: "A server action needs a content type." };
  if (type === "text/plain") {
    try {
      JSON.parse(body);
      return { ok: true };
    } catch {
      return { ok: false, status: 400, reason: "Unreadable action body." };
    }
  }
  if (type === "multipart/form-data" || type === "application/x-www-form-urlencoded") {
    return (await parseForm()) ? { ok: true } : { ok: false, status: 400, reason: "Unreadable form body." };
  }
  return { ok: false, status: 415, reason: `Unsupported content type ${type}.` };
}
