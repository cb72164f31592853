import "server-only";
import { db } from "@/server/db";

// Failed sign-ins are counted per email and per client IP in fixed windows. Past the limit,
// sign-in is refused (even with the right password) until the window ends.
export const THROTTLE_WINDOW_MS = 15 * 60_000;
export const MAX_FAILURES = { email: 5, ip: 30 } as const;

const keys = (email: string, ip: string) => ({ email: `email:${email}`, ip: `ip:${ip}` });

export async function isThrottled(email: string, ip: string, now = new Date()): Promise<boolean> {
  const k = keys(email, ip);
  const rows = await db.signInThrottle.findMany({ where: { key: { in: [k.email, k.ip] } } });
  return rows.some((r) => {
    if (now.getTime() - r.windowStart.getTime() >= THROTTLE_WINDOW_MS) return false;
    return r.failures >= (r.key === k.email ? MAX_FAILURES.email : MAX_FAILURES.ip);
  });
}

export async function recordFailure(email: string, ip: string, now = new Date()): Promise<void> {
  for (const key of Object.values(keys(email, ip))) {
    await db.$transaction(async (tx) => {
      const row = await tx.signInThrottle.findUnique({ where: { key } });
      if (!row || now.getTime() - row.windowStart.getTime() >= THROTTLE_WINDOW_MS) {
        await tx.signInThrottle.upsert({ where: { key }, create: { key, windowStart: now, failures: 1 }, update: { windowStart: now, failures: 1 } });
      } else {
        await tx.signInThrottle.update({ where: { key }, data: { failures: { increment: 1 } } });
      }
    });
  }
}

export async function clearFailures(email: string): Promise<void> {
  await db.signInThrottle.deleteMany({ where: { key: `email:${email}` } });
}
