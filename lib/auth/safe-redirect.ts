const ORIGIN = "http://trickdeck.invalid";

/**
 * Only a path on this site may be used as a post-sign-in destination: no other origin, no
 * protocol-relative "//host", and no control characters or backslashes, which browsers strip or
 * rewrite ("/\t/evil.example" becomes "//evil.example").
 */
export function safeNextPath(next: unknown, fallback = "/review"): string {
  if (typeof next !== "string" || !next.startsWith("/") || next.length > 2000) return fallback;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return fallback;
  try {
    const url = new URL(next, ORIGIN);
    if (url.origin !== ORIGIN || url.pathname.startsWith("//")) return fallback;
    return `${url.pathname}${url.search}${url.hash}`;
  } catch {
    return fallback;
  }
}
