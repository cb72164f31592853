// Decoded session cookies, remembered: decrypting an Auth.js cookie derives its key with HKDF and
// decrypts a JWE on every request (about 1 ms), though a browser sends the same cookie for days.
// A cookie is remembered only after it decoded and verified, keyed by its exact text, and only
// until the token's own expiry; the oldest entries go first when the memo is full.
export interface MemoToken {
  /** expiry, seconds since the epoch (the JWT "exp" claim) */
  exp?: unknown;
}

export class TokenMemo<T extends MemoToken> {
  readonly #entries = new Map<string, { token: T; untilMs: number }>();

  constructor(readonly capacity: number) {}

  /** The decoded token of `key`, if it was remembered and has not expired at `nowMs`. */
  get(key: string, nowMs: number): T | null {
    const hit = this.#entries.get(key);
    if (!hit) return null;
    if (hit.untilMs <= nowMs) {
      this.#entries.delete(key);
      return null;
    }
    return hit.token;
  }

  /** Remembers a token that decoded and verified; one without a numeric expiry is not remembered. */
  set(key: string, token: T): void {
    if (typeof token.exp !== "number" || !Number.isFinite(token.exp)) return;
    if (this.#entries.size >= this.capacity) {
      const oldest = this.#entries.keys().next();
      if (!oldest.done) this.#entries.delete(oldest.value);
    }
    this.#entries.set(key, { token, untilMs: token.exp * 1000 });
  }

  get size(): number {
    return this.#entries.size;
  }
}
