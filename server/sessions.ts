import "server-only";
import { createHash, randomBytes } from "node:crypto";
import type { PrismaClient } from "@/prisma/client";

// Server-side sessions: the signed session cookie (an Auth.js JWT) carries a random session id;
// the Session table holds its SHA-256 and expiry. A session is valid only while its row exists,
// so signing out, "sign out everywhere" and a password change end sessions for real, even for
// a copied cookie.
export const SESSION_MAX_AGE_S = 30 * 24 * 3600;

const digest = (sid: string) => createHash("sha256").update(sid).digest("base64url");

export async function createSession(db: PrismaClient, userId: string, now = new Date()): Promise<string> {
  const sid = randomBytes(32).toString("base64url");
  await db.$transaction(async (tx) => {
    await tx.session.create({ data: { sessionToken: digest(sid), userId, expires: new Date(now.getTime() + SESSION_MAX_AGE_S * 1000) } });
    // expired rows of this user go when a new one comes
    await tx.session.deleteMany({ where: { userId, expires: { lt: now } } });
  });
  return sid;
}

/** The user of a live session, or null (unknown, revoked or expired, or a different user). */
export async function sessionUser(db: PrismaClient, sid: string, userId: string, now = new Date()) {
  const row = await db.session.findUnique({
    where: { sessionToken: digest(sid) },
    select: { expires: true, userId: true, user: { select: { id: true, email: true, name: true } } },
  });
  if (!row || row.userId !== userId || row.expires.getTime() <= now.getTime()) return null;
  return row.user;
}

export async function revokeSession(db: PrismaClient, sid: string): Promise<void> {
  await db.$transaction((tx) => tx.session.deleteMany({ where: { sessionToken: digest(sid) } }));
}

/** Ends every session of the user, except `keepSid` when given. Returns how many ended. */
export async function revokeUserSessions(db: PrismaClient, userId: string, keepSid?: string): Promise<number> {
  const { count } = await db.$transaction((tx) =>
    tx.session.deleteMany({ where: { userId, ...(keepSid ? { sessionToken: { not: digest(keepSid) } } : {}) } }),
  );
  return count;
}
