import { describe, expect, it } from "vitest";
import { cardStanding, recallNow } from "./card-status";

const at = new Date("2026-03-10T00:00:00Z");
const state = (over: Partial<Parameters<typeof cardStanding>[0] & object> = {}) => ({ state: 2, stability: 10, scheduledDays: 10, lastReview: new Date("2026-03-01T00:00:00Z"), ...over });

describe("a card's standing", () => {
  it("is new, learning, young or mature", () => {
    expect(cardStanding(null)).toBe("new");
    expect(cardStanding(state({ state: 1 }))).toBe("learning");
    expect(cardStanding(state({ state: 3 }))).toBe("learning");
    expect(cardStanding(state({ scheduledDays: 20 }))).toBe("young");
    expect(cardStanding(state({ scheduledDays: 21 }))).toBe("mature");
  });

  it("predicts 90% recall after as many days as the stability, less later, none for new cards", () => {
    expect(recallNow(state({ stability: 9 }), at)).toBeCloseTo(0.9, 6);
    expect(recallNow(state({ stability: 3 }), at)!).toBeLessThan(0.9);
    expect(recallNow(null, at)).toBeNull();
  });
});
