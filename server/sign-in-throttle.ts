import "server-only";
import type { PrismaClient } from "@/prisma/client";

// Sign-in attempts are counted BEFORE the password is checked (and before any hashing), in fixed
// windows keyed "<kind>:<id>:<window number>". Each count is one atomic upsert-increment, so
// parallel attempts cannot slip past a limit on either engine. Following the login-protection
// pattern of rate-limiter-flexible:
//  - per (email, address) pair: 5 attempts, then that pair waits for the window to end;
//  - per address: 30 attempts, then that address waits;
//  - per email, from anywhere: no lock (that would let anyone lock the owner out), but past 10
//    attempts each further one is slowed down, up to 5 s, which makes guessing slow.
export const THROTTLE_WINDOW_MS = 15 * 60_000;
const SIGN_UP_WINDOW_MS = 60 * 60_000;
export const LIMITS = { pair: 5, address: 30, emailSlowAfter: 10, maxDelayMs: 5_000, signUp: Number(process.env.SIGNUP_LIMIT_PER_HOUR) || 10 } as const;

type Db = Pick<PrismaClient, "$transaction">;

const windowOf = (now: Date, windowMs: number) => Math.floor(now.getTime() / windowMs);

/**
 * Counts one event on each key in its fixed window and returns the counts after it. One atomic
 * upsert-increment per key. Also used for other per-user limits (quiz creation).
 */
export async function bump(db: Db, keys: { key: string; windowMs: number }[], now: Date): Promise<number[]> {
  return db.$transaction(async (tx) => {
    const counts: number[] = [];
    for (const { key, windowMs } of keys) {
      const n = windowOf(now, windowMs);
      const row = await tx.signInThrottle.upsert({
        where: { key: `${key}:${n}` },
        create: { key: `${key}:${n}`, windowStart: new Date(n * windowMs), failures: 1 },
        update: { failures: { increment: 1 } },
        select: { failures: true },
      });
      counts.push(row.failures);
    }
    // windows that ended a day ago are forgotten, so junk keys do not pile up
    await tx.signInThrottle.deleteMany({ where: { windowStart: { lt: new Date(now.getTime() - 24 * 3_600_000) } } });
    return counts;
  });
}

export interface SignInVerdict {
  allowed: boolean;
  /** wait this long before checking the password (email under attack) */
  delayMs: number;
}

export async function checkSignInAttempt(db: Db, email: string, address: string, now = new Date()): Promise<SignInVerdict> {
  const [pair, byAddress, byEmail] = await bump(
    db,
    [
      { key: `pair:${email}|${address}`, windowMs: THROTTLE_WINDOW_MS },
      { key: `addr:${address}`, windowMs: THROTTLE_WINDOW_MS },
      { key: `email:${email}`, windowMs: THROTTLE_WINDOW_MS },
    ],
    now,
  );
  const over = byEmail - LIMITS.emailSlowAfter;
  return {
    allowed: pair <= LIMITS.pair && byAddress <= LIMITS.address,
    delayMs: over > 0 ? Math.min(LIMITS.maxDelayMs, 250 * 2 ** (over - 1)) : 0,
  };
}

/** A successful sign-in clears its own pair's count (not the email's: that is others' doing). */
export async function clearPair(db: Db, email: string, address: string, now = new Date()): Promise<void> {
  const key = `pair:${email}|${address}:${windowOf(now, THROTTLE_WINDOW_MS)}`;
  await db.$transaction((tx) => tx.signInThrottle.deleteMany({ where: { key } }));
}

export async function allowSignUp(db: Db, address: string, now = new Date()): Promise<boolean> {
  const [n] = await bump(db, [{ key: `signup:${address}`, windowMs: SIGN_UP_WINDOW_MS }], now);
  return n <= LIMITS.signUp;
}
