import "server-only";
import { AppError } from "@/lib/app-error";
import type { PrismaClient } from "@/prisma/client";
import { hashPassword, verifyPassword } from "@/server/passwords";
import { revokeUserSessions } from "@/server/sessions";
import { checkSignInAttempt } from "@/server/sign-in-throttle";

/**
 * Changes the password after checking the current one (throttled like a sign-in), then ends
 * every other session of the user: a stolen cookie stops working with the old password.
 */
export async function changePassword(db: PrismaClient, userId: string, keepSid: string, input: { currentPassword: string; newPassword: string }, address: string): Promise<number> {
  const user = await db.user.findUnique({ where: { id: userId }, select: { email: true, passwordHash: true } });
  if (!user?.passwordHash) throw new AppError("no_password", "This account signs in with GitHub and has no password to change.");
  const verdict = await checkSignInAttempt(db, user.email, address);
  if (!verdict.allowed) throw new AppError("too_many_attempts", "Too many attempts. Wait 15 minutes, then try again.");
  if (!(await verifyPassword(user.passwordHash, input.currentPassword))) {
    throw new AppError("wrong_password", "Your current password is not right. Nothing was changed.", { currentPassword: "Not your current password." });
  }
  if (input.currentPassword === input.newPassword) throw new AppError("same_password", "The new password is the same as the current one.", { newPassword: "Choose a different password." });
  const passwordHash = await hashPassword(input.newPassword);
  await db.$transaction((tx) => tx.user.update({ where: { id: userId }, data: { passwordHash } }));
  return revokeUserSessions(db, userId, keepSid);
}

/** Whether the user signs in with a password (GitHub-only accounts have none). */
export async function hasPassword(db: PrismaClient, userId: string): Promise<boolean> {
  return !!(await db.user.findUnique({ where: { id: userId }, select: { passwordHash: true } }))?.passwordHash;
}
