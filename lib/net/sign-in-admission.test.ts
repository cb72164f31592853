import { describe, expect, it } from "vitest";
import { SignInAdmission } from "./sign-in-admission";

const T0 = Date.UTC(2026, 11, 1, 9, 0, 0);

describe("SignInAdmission", () => {
  it("admits the burst, then one per 1/rate seconds", () => {
    const gate = new SignInAdmission(5, 3, 100, T0);
    expect([1, 2, 3, 4].map(() => gate.admit(T0))).toEqual([true, true, true, false]);
    expect(gate.admit(T0 + 100)).toBe(false); // half a token
    expect(gate.admit(T0 + 200)).toBe(true); // 5 a second: one token per 200 ms
    expect(gate.admit(T0 + 200)).toBe(false);
  });

  it("never has more than maxInFlight requests inside, whatever the tokens", () => {
    const gate = new SignInAdmission(1000, 1000, 2, T0);
    expect([1, 2, 3].map(() => gate.admit(T0))).toEqual([true, true, false]);
    expect(gate.active).toBe(2);
    gate.release();
    expect(gate.admit(T0)).toBe(true);
    expect(gate.admit(T0)).toBe(false);
  });

  it("a refused request spends nothing", () => {
    const gate = new SignInAdmission(1, 1, 1, T0);
    expect(gate.admit(T0)).toBe(true);
    expect(gate.admit(T0 + 5_000)).toBe(false); // full inside: refused without taking the refilled token
    gate.release();
    expect(gate.admit(T0 + 5_000)).toBe(true);
  });
});
