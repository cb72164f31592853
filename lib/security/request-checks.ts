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

/**
 * The values a React reply may hold that Trickdeck's actions accept: plain JSON, escaped strings
 * ("$$..."), undefined, the number specials, dates, bigints, and FormData ("$K<id>", a form
 * action's fields). Every other "$" reference (outlined parts "$1"/"$@1", Map "$Q", Set "$W",
 * server and temporary references "$h"/"$T", blobs, typed arrays, streams, iterators) points React
 * at parts and types no action here takes; one that points nowhere makes Next.js answer 500 or wait
 * forever, so it is refused before Next.js parses it.
 */
const ACCEPTED_REFERENCE = /^\$(\$|u|I|N|-|D|K[0-9a-f]{1,8}$|n-?[0-9]{1,300}$)/;
const MAX_REPLY_DEPTH = 200;

export function checkReplyModel(model: unknown): Verdict {
  if (!Array.isArray(model)) return { ok: false, status: 400, reason: "A server action's arguments must be a list." };
  const stack: { value: unknown; depth: number }[] = [{ value: model, depth: 0 }];
  while (stack.length) {
    const { value, depth } = stack.pop()!;
    if (depth > MAX_REPLY_DEPTH) return { ok: false, status: 400, reason: "Action body nested too deeply." };
    if (typeof value === "string") {
      if (value.startsWith("$") && !ACCEPTED_REFERENCE.test(value)) return { ok: false, status: 400, reason: "Unsupported reference in the action body." };
    } else if (value && typeof value === "object") {
      for (const child of Object.values(value)) stack.push({ value: child, depth: depth + 1 });
    }
  }
  return { ok: true };
}

function checkReplyText(text: string): Verdict {
  let model: unknown;
  try {
    model = JSON.parse(text);
  } catch {
    return { ok: false, status: 400, reason: "Unreadable action body." };
  }
  return checkReplyModel(model);
}

/**
 * The body of a server action as React sends it: the arguments as JSON text, or a form whose
 * field "0" holds them (and whose other fields the "$K" references name).
 */
export async function checkActionBody(contentType: string | null, body: string, parseForm: () => Promise<FormData | null>): Promise<Verdict> {
  if (new TextEncoder().encode(body).length > MAX_ACTION_BODY_BYTES) return { ok: false, status: 413, reason: "Request body too large." };
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type === "") return { ok: false, status: 415, reason: "A server action needs a content type." };
  if (type === "text/plain") return checkReplyText(body);
  if (type === "multipart/form-data" || type === "application/x-www-form-urlencoded") {
    const form = await parseForm();
    if (!form) return { ok: false, status: 400, reason: "Unreadable form body." };
    const root = form.get("0");
    if (typeof root !== "string") return { ok: false, status: 400, reason: "A server action form needs its arguments in field 0." };
    return checkReplyText(root);
  }
  return { ok: false, status: 415, reason: `Unsupported content type ${type}.` };
}
