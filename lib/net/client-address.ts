// Which address a request came from, for per-address limits. Only the socket's peer address is
// known to be true; X-Forwarded-For is whatever the client (or a proxy) wrote. With N trusted
// proxies in front (TRUST_PROXY_HOPS=N), each appends the address it received the request from,
// so the client is the entry N places from the right of [...forwarded, peer]. Anything a client
// puts further left is ignored.
export function resolveClientAddress(peer: string | undefined, forwardedFor: string | string[] | undefined, trustedHops: number): string {
  const socket = normaliseAddress(peer) ?? "unknown";
  if (!Number.isInteger(trustedHops) || trustedHops <= 0) return socket;
  const raw = Array.isArray(forwardedFor) ? forwardedFor.join(",") : (forwardedFor ?? "");
  const chain = [...raw.split(",").map((h) => h.trim()).filter(Boolean), socket];
  const index = chain.length - 1 - trustedHops;
  return normaliseAddress(chain[Math.max(0, index)]) ?? socket;
}

/** "::ffff:127.0.0.1" -> "127.0.0.1"; junk (too long, odd characters) -> null. */
export function normaliseAddress(value: string | undefined): string | null {
  if (!value) return null;
  const v = value.trim().replace(/^::ffff:(\d+\.\d+\.\d+\.\d+)$/i, "$1");
  return /^[0-9a-fA-F:.]{2,45}$/.test(v) ? v.toLowerCase() : null;
}

/** TRUST_PROXY_HOPS: a whole number 0-10, 0 (trust no forwarded header) when unset. */
export function parseTrustedHops(value: string | undefined): number {
  if (value === undefined || value.trim() === "") return 0;
  if (!/^\d{1,2}$/.test(value.trim()) || Number(value) > 10) throw new Error(`TRUST_PROXY_HOPS must be a whole number from 0 to 10 (got "${value}")`);
  return Number(value);
}
