import { describe, expect, it } from "vitest";
import { signUpSchema } from "./credentials";
import { safeNextPath } from "./safe-redirect";

describe("sign-up rules", () => {
  it("normalises the email and accepts a strong password", () => {
    expect(signUpSchema.parse({ email: "  Ada@Example.COM ", password: "analytical1engine" })).toEqual({ email: "ada@example.com", password: "analytical1engine", name: undefined });
  });

  it("states the password rule when refusing a weak one", () => {
    for (const password of ["short1", "onlyletterslong", "1234567890123"]) {
      const r = signUpSchema.safeParse({ email: "a@b.co", password });
      expect(r.error?.issues[0].message).toBe("Password too weak: use at least 10 characters, including a letter and a digit");
    }
  });

  it("refuses a malformed email", () => {
    expect(signUpSchema.safeParse({ email: "not-an-email", password: "analytical1engine" }).error?.issues[0].message).toBe("Enter a valid email address");
  });
});

describe("redirect after sign-in", () => {
  it("allows only same-site paths", () => {
    expect(safeNextPath("/settings")).toBe("/settings");
    expect(safeNextPath("/quiz?category=nlp#top")).toBe("/quiz?category=nlp#top");
    for (const evil of ["https://evil.example", "//evil.example", "/\\evil.example", "/\t/evil.example", "/%09/evil.example".replace("%09", "\t"), "/\n/evil.example", "///evil.example", undefined, 42]) {
      expect(safeNextPath(evil), String(evil)).toBe("/review");
    }
  });
});
