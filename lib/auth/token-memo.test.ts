import { describe, expect, it } from "vitest";
import { TokenMemo } from "./token-memo";

// a fixed clock: 2026-12-01T00:00:00Z
const NOW = Date.UTC(2026, 11, 1);
const EXP = NOW / 1000 + 3600; // an hour later, in seconds

describe("TokenMemo", () => {
  it("gives back a remembered token until its expiry, and nothing after", () => {
    const memo = new TokenMemo<{ sub: string; exp: number }>(10);
    memo.set("cookie-a", { sub: "alice", exp: EXP });
    expect(memo.get("cookie-a", NOW)?.sub).toBe("alice");
    expect(memo.get("cookie-a", NOW + 3_599_999)?.sub).toBe("alice");
    expect(memo.get("cookie-a", NOW + 3_600_000)).toBeNull();
    // and it is gone, not only hidden
    expect(memo.size).toBe(0);
  });

  it("knows only the exact text it saw", () => {
    const memo = new TokenMemo<{ sub: string; exp: number }>(10);
    memo.set("cookie-a", { sub: "alice", exp: EXP });
    expect(memo.get("cookie-A", NOW)).toBeNull();
    expect(memo.get("cookie-a ", NOW)).toBeNull();
  });

  it("does not remember a token without a numeric expiry", () => {
    const memo = new TokenMemo<{ sub: string; exp?: unknown }>(10);
    memo.set("no-exp", { sub: "alice" });
    memo.set("text-exp", { sub: "alice", exp: "9999999999" });
    expect([memo.get("no-exp", NOW), memo.get("text-exp", NOW), memo.size]).toEqual([null, null, 0]);
  });

  it("stays within its capacity, dropping the oldest first", () => {
    const memo = new TokenMemo<{ sub: string; exp: number }>(3);
    for (const k of ["a", "b", "c", "d"]) memo.set(k, { sub: k, exp: EXP });
    expect(memo.size).toBe(3);
    expect(memo.get("a", NOW)).toBeNull();
    expect(["b", "c", "d"].map((k) => memo.get(k, NOW)?.sub)).toEqual(["b", "c", "d"]);
  });
});
