import { describe, expect, it } from "vitest";
import { weakestCategory, type CategoryStanding } from "./weakest";

const row = (slug: string, recall: number | null, score = 0.3, studied = 4): CategoryStanding => ({ slug, name: slug, cards: 10, new: 10 - studied, recall, score });

describe("the weakest category", () => {
  it("is the studied category with the lowest recall today", () => {
    expect(weakestCategory([row("a", 0.95), row("b", 0.71), row("c", 0.88)])?.slug).toBe("b");
  });

  it("skips categories never studied, even with a low score", () => {
    expect(weakestCategory([row("unseen", null, 0, 0), row("known", 0.9)])?.slug).toBe("known");
    expect(weakestCategory([row("unseen", null, 0, 0)])).toBeNull();
  });

  it("breaks a tie on recall by the lower mastery score, then by catalogue order", () => {
    expect(weakestCategory([row("a", 0.8, 0.5), row("b", 0.8, 0.2), row("c", 0.8, 0.2)])?.slug).toBe("b");
  });
});
