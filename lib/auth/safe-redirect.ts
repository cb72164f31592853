/** Only same-site paths may be used as a post-sign-in destination (no open redirects). */
export function safeNextPath(next: unknown, fallback = "/review"): string {
  return typeof next === "string" && next.startsWith("/") && !next.startsWith("//") && !next.startsWith("/\\") ? next : fallback;
}
