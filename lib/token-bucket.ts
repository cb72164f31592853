// A token bucket: up to `capacity` tokens, refilled at `perSecond`. take() spends one if there
// is one. The clock is passed in, so tests pin it.
export class TokenBucket {
  private tokens: number;
  private last: number;

  constructor(
    private readonly perSecond: number,
    private readonly capacity: number,
    now: number,
  ) {
    this.tokens = capacity;
    this.last = now;
  }

  take(now: number): boolean {
    if (!this.peek(now)) return false;
    this.tokens -= 1;
    return true;
  }

  /** Whether a token is there now, without spending it. */
  peek(now: number): boolean {
    this.tokens = Math.min(this.capacity, this.tokens + (Math.max(0, now - this.last) / 1000) * this.perSecond);
    this.last = Math.max(this.last, now);
    return this.tokens >= 1;
  }
}

const SHARED = Symbol.for("trickdeck.passwordHashBudget");

/**
 * The process-wide budget of password hashes (PASSWORD_HASHES_PER_SECOND, default 5, burst 10).
 * Kept on globalThis so that scripts/serve.ts, in front of Next.js in the same process, can
 * refuse a sign-in flood before Next.js spends any work on it.
 */
export function passwordHashBudget(): TokenBucket {
  const g = globalThis as unknown as Record<symbol, TokenBucket | undefined>;
  return (g[SHARED] ??= new TokenBucket(Number(process.env.PASSWORD_HASHES_PER_SECOND) || 5, 10, Date.now()));
}
