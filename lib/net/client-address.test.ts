import { describe, expect, it } from "vitest";
import { normaliseAddress, parseTrustedHops, resolveClientAddress } from "./client-address";

describe("resolveClientAddress", () => {
  it("ignores X-Forwarded-For unless proxies are trusted", () => {
    expect(resolveClientAddress("10.0.0.5", "1.2.3.4", 0)).toBe("10.0.0.5");
    expect(resolveClientAddress("::ffff:127.0.0.1", "6.6.6.6, 7.7.7.7", 0)).toBe("127.0.0.1");
  });

  it("with one trusted proxy takes the address that proxy saw, not what the client wrote", () => {
    // client forged "6.6.6.6"; the proxy appended the real client 203.0.113.9; the socket is the proxy
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9", 1)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9", 1)).toBe("203.0.113.9");
  });

  it("with two trusted proxies skips both", () => {
    expect(resolveClientAddress("10.0.0.2", "6.6.6.6, 203.0.113.9, 10.0.0.1", 2)).toBe("203.0.113.9");
  });

  it("falls back to the socket when the header is missing or junk", () => {
    expect(resolveClientAddress("10.0.0.2", undefined, 1)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "<script>", 1)).toBe("10.0.0.2");
    expect(resolveClientAddress(undefined, undefined, 0)).toBe("unknown");
  });

  it("normalises addresses and parses the hop setting strictly", () => {
    expect(normaliseAddress("::FFFF:10.1.2.3")).toBe("10.1.2.3");
    expect(normaliseAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(normaliseAddress("a".repeat(60))).toBeNull();
    expect(parseTrustedHops(undefined)).toBe(0);
    expect(parseTrustedHops("2")).toBe(2);
    expect(() => parseTrustedHops("1e1")).toThrow("TRUST_PROXY_HOPS must be a whole number");
    expect(() => parseTrustedHops("-1")).toThrow();
  });
});
