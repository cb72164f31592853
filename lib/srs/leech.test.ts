import { describe, expect, it } from "vitest";
import { isLeech, leechChange, leechWarningAt, trickSection } from "./leech";
import { DEFAULT_SETTINGS, settingsSchema } from "./settings";

describe("the leech rule", () => {
  it("makes a card a leech at the threshold, not one below, and keeps it one above", () => {
    expect(isLeech(7, 8)).toBe(false);
    expect(isLeech(8, 8)).toBe(true);
    expect(isLeech(9, 8)).toBe(true);
  });

  it("announces only the grade that crosses the threshold", () => {
    expect(leechChange(7, 8, 8)).toBe("leech");
    expect(leechChange(6, 7, 8)).toBe(null);
    expect(leechChange(8, 9, 8)).toBe(null); // already a leech: not announced again
    expect(leechChange(8, 8, 8)).toBe(null); // a pass on a leech
  });

  it("warns at half the threshold (4 of 8), once", () => {
    expect(leechWarningAt(8)).toBe(4);
    expect(leechChange(3, 4, 8)).toBe("warning");
    expect(leechChange(2, 3, 8)).toBe(null);
    expect(leechChange(4, 5, 8)).toBe(null);
    // odd thresholds round the half up: 5 -> warning at 3
    expect(leechChange(2, 3, 5)).toBe("warning");
    // with a threshold of 2 the warning comes at 1 lapse, the leech at 2
    expect(leechChange(0, 1, 2)).toBe("warning");
    expect(leechChange(1, 2, 2)).toBe("leech");
  });

  it("sends the learner to the section the card tests, where the trick has it", () => {
    expect(trickSection("why", { why: "because", when: null })).toBe("why");
    expect(trickSection("when", { why: "because", when: null })).toBe("what");
    expect(trickSection("cloze", { why: "because", when: "always" })).toBe("what");
  });
});

describe("leech settings validation", () => {
  const parse = (patch: Record<string, unknown>) => settingsSchema.safeParse({ ...DEFAULT_SETTINGS, ...patch });
  const message = (patch: Record<string, unknown>) => {
    const r = parse(patch);
    return r.success ? null : r.error.issues.map((i) => `${String(i.path[0])}: ${i.message}`).join("; ");
  };

  it("defaults to Anki's 8 lapses and flag only", () => {
    expect(DEFAULT_SETTINGS.leechThreshold).toBe(8);
    expect(DEFAULT_SETTINGS.leechAction).toBe("flag");
  });

  it("accepts whole numbers from 2 to 99 (typed as text too) and flag or suspend", () => {
    expect(parse({ leechThreshold: "2", leechAction: "suspend" }).data).toMatchObject({ leechThreshold: 2, leechAction: "suspend" });
    expect(parse({ leechThreshold: 99 }).data).toMatchObject({ leechThreshold: 99 });
  });

  it("refuses anything else with the reason", () => {
    const range = "leechThreshold: The leech threshold must be a whole number of lapses from 2 to 99";
    for (const bad of ["1", "100", "4.5", "", "0x8", "8e0", " 8abc", -3, 8.5, null]) expect(message({ leechThreshold: bad })).toBe(range);
    expect(message({ leechAction: "delete" })).toBe('leechAction: Leech action must be "flag" or "suspend"');
    expect(message({ leechAction: undefined })).toBe('leechAction: Leech action must be "flag" or "suspend"');
  });
});
