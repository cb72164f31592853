import { describe, expect, it } from "vitest";
import { count, noun } from "./plural";

describe("counts with their noun", () => {
  it("uses the singular for exactly one and the plural otherwise", () => {
    expect([0, 1, 2].map((n) => count(n, "trick"))).toEqual(["0 tricks", "1 trick", "2 tricks"]);
    expect([1, 5].map((n) => count(n, "category", "categories"))).toEqual(["1 category", "5 categories"]);
    expect(noun(1, "match", "matches")).toBe("match");
    expect(noun(4, "match", "matches")).toBe("matches");
  });

  it("groups thousands", () => {
    expect(count(12345, "review")).toBe("12,345 reviews");
  });
});
