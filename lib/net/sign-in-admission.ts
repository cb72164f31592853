// Admission of sign-in and sign-up posts into the app, decided in scripts/serve.ts before Next.js
// does any work: at most `perSecond` a second (burst `burst`) and at most `maxInFlight` at once.
// A flood from many addresses then costs the server a cheap 503 per extra attempt instead of a
// full request through Next.js and Auth.js; the per-address and per-(email, address) limits
// inside the app (server/sign-in-throttle.ts) still decide who may try. Clock passed in.
import { TokenBucket } from "../token-bucket";

export class SignInAdmission {
  private readonly bucket: TokenBucket;
  private inFlight = 0;

  constructor(
    perSecond: number,
    burst: number,
    private readonly maxInFlight: number,
    now: number,
  ) {
    this.bucket = new TokenBucket(perSecond, burst, now);
  }

  /** Admits one request (spending a token and a slot) or refuses it; call release() when it ends. */
  admit(now: number): boolean {
    if (this.inFlight >= this.maxInFlight) return false;
    if (!this.bucket.take(now)) return false;
    this.inFlight += 1;
    return true;
  }

  release(): void {
    this.inFlight = Math.max(0, this.inFlight - 1);
  }

  get active(): number {
    return this.inFlight;
  }
}
