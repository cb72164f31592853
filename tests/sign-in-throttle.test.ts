// The sign-in throttle on a real SQLite file: per (email, address) pair and per address, never a
// lock of the email itself; counts are atomic under parallel attempts.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { allowSignUp, checkSignInAttempt, clearPair } from "@/server/sign-in-throttle";
import { createTestDb, type TestDb } from "./helpers/test-db";

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
});
afterEach(async () => {
  await t.close();
});
const now = new Date("2026-05-01T10:01:00Z");
const attempt = (email: string, address: string, at = now) => checkSignInAttempt(t.db, email, address, at);

describe("sign-in throttle", () => {
  it("locks a pair after 5 attempts, but the owner from another address still gets in", async () => {
    for (let i = 0; i < 5; i++) expect((await attempt("owner@x.org", "6.6.6.6")).allowed).toBe(true);
    expect((await attempt("owner@x.org", "6.6.6.6")).allowed).toBe(false);
    expect(await attempt("owner@x.org", "203.0.113.5")).toEqual({ allowed: true, delayMs: 0 });
    // the next window starts afresh
    expect((await attempt("owner@x.org", "6.6.6.6", new Date(now.getTime() + 15 * 60_000))).allowed).toBe(true);
  });

  it("locks an address after 30 attempts, whatever emails it tries", async () => {
    for (let i = 0; i < 30; i++) expect((await attempt(`user${i}@x.org`, "6.6.6.6")).allowed).toBe(true);
    expect((await attempt("fresh@x.org", "6.6.6.6")).allowed).toBe(false);
    expect((await attempt("fresh@x.org", "7.7.7.7")).allowed).toBe(true);
  });

  it("slows an email attacked from many addresses instead of locking it", async () => {
    const delays: number[] = [];
    for (let i = 0; i < 16; i++) {
      const v = await attempt("victim@x.org", `10.0.0.${i}`);
      expect(v.allowed).toBe(true);
      delays.push(v.delayMs);
    }
    expect(delays).toEqual([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 250, 500, 1000, 2000, 4000, 5000]);
  });

  it("counts parallel attempts atomically: 20 at once on one pair let exactly 5 through", async () => {
    const verdicts = await Promise.all(Array.from({ length: 20 }, () => attempt("race@x.org", "6.6.6.6")));
    expect(verdicts.filter((v) => v.allowed)).toHaveLength(5);
  });

  it("a successful sign-in clears its pair only", async () => {
    for (let i = 0; i < 5; i++) await attempt("me@x.org", "1.1.1.1");
    await clearPair(t.db, "me@x.org", "1.1.1.1", now);
    expect((await attempt("me@x.org", "1.1.1.1")).allowed).toBe(true);
  });

  it("limits sign-ups per address per hour", async () => {
    const results = [];
    for (let i = 0; i < 11; i++) results.push(await allowSignUp(t.db, "5.5.5.5", now));
    expect(results.filter(Boolean)).toHaveLength(10);
    expect(await allowSignUp(t.db, "5.5.5.6", now)).toBe(true);
  });
});
