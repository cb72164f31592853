import "server-only";
import { AppError } from "@/lib/app-error";
import type { PrismaClient } from "@/prisma/client";

/**
 * Deletes the account and every row that belongs to it, in one transaction, once the user has
 * typed their email. The User row's cascades remove sessions, OAuth accounts, settings, card
 * states, review logs and their hourly rollup, quiz attempts with their items and optimizer jobs;
 * rows keyed by the email instead (sign-in throttle counters, verification tokens) go explicitly.
 */
export async function deleteAccount(db: PrismaClient, userId: string, typedEmail: string): Promise<void> {
  await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: userId }, select: { email: true } });
    if (!user) throw new AppError("not_found", "This account no longer exists.");
    if (typedEmail.trim().toLowerCase() !== user.email.toLowerCase()) {
      throw new AppError("confirmation_mismatch", "Type your email address exactly as shown to confirm. Nothing was deleted.", { confirmEmail: "This is not your email address." });
    }
    const email = user.email;
    await tx.signInThrottle.deleteMany({ where: { OR: [{ key: { startsWith: `email:${email}:` } }, { key: { startsWith: `pair:${email}|` } }] } });
    await tx.verificationToken.deleteMany({ where: { identifier: email } });
    await tx.user.delete({ where: { id: userId } });
  });
}
