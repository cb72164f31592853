import { describe, expect, it } from "vitest";
import { TokenBucket } from "./token-bucket";

describe("TokenBucket", () => {
  it("allows a burst of `capacity`, then `perSecond` a second", () => {
    const b = new TokenBucket(4, 8, 0);
    expect(Array.from({ length: 10 }, () => b.take(0))).toEqual([true, true, true, true, true, true, true, true, false, false]);
    expect(b.take(200)).toBe(false); // 0.8 of a token
    expect(b.take(250)).toBe(true); // 1 token after 250 ms at 4/s
    expect(b.take(250)).toBe(false);
    // a long pause refills to the capacity, no more
    expect(Array.from({ length: 9 }, () => b.take(60_000)).filter(Boolean)).toHaveLength(8);
  });

  it("ignores a clock that goes backwards", () => {
    const b = new TokenBucket(1, 1, 1000);
    expect(b.take(1000)).toBe(true);
    expect(b.take(0)).toBe(false);
    expect(b.take(1500)).toBe(false);
    expect(b.take(2000)).toBe(true);
  });
});
