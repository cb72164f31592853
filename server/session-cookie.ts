import "server-only";
import { decode, type JWT } from "next-auth/jwt";
import { TokenMemo } from "@/lib/auth/token-memo";

// cookies that decoded and verified, until their expiry (lib/auth/token-memo.ts); whether the
// session is still live is asked of the database on every request all the same
const decodedCookies = new TokenMemo<JWT>(10_000);

/**
 * The session JWT in an Auth.js cookie `salt` (the cookie's name), decoded and verified once per
 * cookie text; null when forged, tampered with, expired, or signed with another secret.
 */
export async function decodeSessionCookie(value: string, salt: string, secret: string): Promise<JWT | null> {
  const key = `${salt}=${value}`;
  const known = decodedCookies.get(key, Date.now());
  if (known) return known;
  let token: JWT | null;
  try {
    token = await decode({ token: value, secret, salt });
  } catch {
    return null;
  }
  if (token) decodedCookies.set(key, token);
  return token;
}
