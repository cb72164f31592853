import "server-only";
import { db } from "@/server/db";

// Attempts are counted per key in fixed windows, BEFORE the password is checked, so a burst of
// parallel guesses cannot all slip past the limit. A successful sign-in clears the email's count.
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const LIMITS = { email: 5, ip: 30, signUp: Number(process.env.SIGNUP_LIMIT_PER_HOUR) || 10 } as const;
const SIGN_UP_WINDOW_MS = 60 * 60_000;

/** Counts one attempt on each key; false when any key is over its limit in its window. */
async function hit(keys: { key: string; limit: number; windowMs: number }[], now: Date): Promise<boolean> {
  return db.$transaction(async (tx) => {
    let allowed = true;
    for (const { key, limit, windowMs } of keys) {
      const row = await tx.signInThrottle.findUnique({ where: { key } });
      const fresh = !row || now.getTime() - row.windowStart.getTime() >= windowMs;
      const failures = fresh ? 1 : row.failures + 1;
      await tx.signInThrottle.upsert({ where: { key }, create: { key, windowStart: now, failures }, update: fresh ? { windowStart: now, failures } : { failures } });
      if (failures > limit) allowed = false;
    }
    // forget windows that ended long ago, so junk emails do not pile up
    await tx.signInThrottle.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 24 * 3_600_000) } } });
    return allowed;
  });
}

export const allowSignInAttempt = (email: string, ip: string, now = new Date()) =>
  hit(
    [
      { key: `email:${email}`, limit: LIMITS.email, windowMs: THROTTLE_WINDOW_MS },
      { key: `ip:${ip}`, limit: LIMITS.ip, windowMs: THROTTLE_WINDOW_MS },
    ],
    now,
  );

export const allowSignUp = (ip: string, now = new Date()) => hit([{ key: `signup:${ip}`, limit: LIMITS.signUp, windowMs: SIGN_UP_WINDOW_MS }], now);

export async function clearEmail(email: string): Promise<void> {
  await db.$transaction((tx) => tx.signInThrottle.deleteMany({ where: { key: `email:${email}` } }));
}
