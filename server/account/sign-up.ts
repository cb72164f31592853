import "server-only";
import { AppError } from "@/lib/app-error";
import { isTimeZone } from "@/lib/srs/settings";
import type { PrismaClient } from "@/prisma/client";
import { hashPassword } from "@/server/passwords";
import { allowSignUp } from "@/server/sign-in-throttle";

const TAKEN = "An account with this email already exists. Sign in instead.";

/** Creates a password account (throttled per client address); the caller signs the user in. */
export async function createAccount(db: PrismaClient, input: { email: string; password: string; name?: string; timeZone?: string }, address: string): Promise<void> {
  if (!(await allowSignUp(db, address))) throw new AppError("too_many_sign_ups", "Too many sign-ups from your network in the last hour. Try again later.");
  if (await db.user.findUnique({ where: { email: input.email }, select: { id: true } })) throw new AppError("email_taken", TAKEN, { email: TAKEN });
  const passwordHash = await hashPassword(input.password); // ServerBusy (an AppError) under a flood
  const timeZone = input.timeZone && isTimeZone(input.timeZone) ? input.timeZone : "UTC";
  try {
    await db.$transaction((tx) => tx.user.create({ data: { email: input.email, name: input.name, passwordHash, settings: { create: { timeZone } } } }));
  } catch (err) {
    // two sign-ups racing for one email: the unique index decides
    if ((err as { code?: string }).code === "P2002") throw new AppError("email_taken", TAKEN, { email: TAKEN });
    throw err;
  }
}
