import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { Prisma } from "@/generated/prisma/client";
import { gradeStoreOf, type PrismaClient } from "@/prisma/client";
import { SETTINGS_COLUMNS, settingsFromRow, type SettingsRow } from "@/server/review/study-settings";

// Server-side sessions: the signed session cookie (an Auth.js JWT) carries a random session id;
// the Session table holds its SHA-256 and expiry. A session is valid only while its row exists,
// so signing out, "sign out everywhere" and a password change end sessions for real, even for
// a copied cookie.
export const SESSION_MAX_AGE_S = 30 * 24 * 3600;
/** A session is renewed (its row and cookie, for another SESSION_MAX_AGE_S) once less than this is left. */
export const SESSION_RENEW_S = 7 * 24 * 3600;

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

/**
 * A live session: its user, when it ends and the user's study settings, in one prepared read on
 * the hot path (every signed-in request makes it); or null (unknown, revoked or expired, or a
 * different user).
 */
export async function liveSession(db: PrismaClient, sid: string, userId: string, now = new Date()) {
  const [row] = await gradeStoreOf(db).read(Prisma.sql`SELECT s."expires", s."userId", u."email", u."name", us."userId" AS "settingsUserId",
      ${Prisma.join(SETTINGS_COLUMNS.map((c) => Prisma.sql`us.${Prisma.raw(`"${c}"`)}`))}
    FROM "Session" s JOIN "User" u ON u."id" = s."userId" LEFT JOIN "UserSettings" us ON us."userId" = s."userId"
    WHERE s."sessionToken" = ${digest(sid)}`);
  if (!row || row.userId !== userId) return null;
  const expires = row.expires instanceof Date ? row.expires : new Date(String(row.expires));
  if (!(expires.getTime() > now.getTime())) return null;
  return {
    user: { id: userId, email: String(row.email), name: typeof row.name === "string" ? row.name : null },
    expires,
    settings: settingsFromRow(row.settingsUserId == null ? null : (row as SettingsRow)),
  };
}

/** The user of a live session, or null (unknown, revoked or expired, or a different user). */
export async function sessionUser(db: PrismaClient, sid: string, userId: string, now = new Date()) {
  return (await liveSession(db, sid, userId, now))?.user ?? null;
}

/** Whether a session ending at `expires` is near enough its end to be renewed. */
export const needsRenewal = (expires: Date, now = new Date()) => expires.getTime() - now.getTime() < SESSION_RENEW_S * 1000;

/** Moves a live session's end to `until` (a revoked session stays revoked: no row, nothing to move). */
export async function renewSession(db: PrismaClient, sid: string, until: Date): Promise<boolean> {
  const { count } = await db.$transaction((tx) => tx.session.updateMany({ where: { sessionToken: digest(sid), expires: { gt: new Date() } }, data: { expires: until } }));
  return count === 1;
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
