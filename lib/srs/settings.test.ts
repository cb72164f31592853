// Settings validation: strict numbers, bounded steps, and a property test that whatever the
// validator accepts, ts-fsrs can schedule under it without an error or an invalid date.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { gradeCard, previewGrades } from "./scheduler";
import { DEFAULT_SETTINGS, settingsSchema, stepDays, type StudySettings } from "./settings";

const form = (over: Record<string, unknown>) => ({
  desiredRetention: "0.9",
  maximumInterval: "36500",
  newCardsPerDay: "20",
  reviewsPerDay: "200",
  learningSteps: "1m 10m",
  relearningSteps: "10m",
  enableFuzz: true,
  dayStartHour: "4",
  timeZone: "UTC",
  disabledCategories: [],
  dailyGoal: "30",
  leechThreshold: "8",
  leechAction: "flag",
  ...over,
});
const errorsOf = (over: Record<string, unknown>) => {
  const r = settingsSchema.safeParse(form(over));
  return r.success ? {} : Object.fromEntries(r.error.issues.map((i) => [String(i.path[0]), i.message]));
};

describe("settings validation", () => {
  it("parses numbers strictly: empty, hex, exponent and trailing junk are errors", () => {
    for (const bad of ["", " ", "0x10", "1e3", "12abc", "-1", "+5", "Infinity", "1_000"]) {
      expect([bad, Object.keys(errorsOf({ maximumInterval: bad }))]).toEqual([bad, ["maximumInterval"]]);
      expect([bad, Object.keys(errorsOf({ newCardsPerDay: bad }))]).toEqual([bad, ["newCardsPerDay"]]);
    }
    expect(errorsOf({ desiredRetention: "9e-1" })).toHaveProperty("desiredRetention");
    expect(errorsOf({ desiredRetention: ".9" })).toHaveProperty("desiredRetention");
    expect(settingsSchema.parse(form({ maximumInterval: " 365 ", desiredRetention: "0.85" }))).toMatchObject({ maximumInterval: 365, desiredRetention: 0.85 });
  });

  it("bounds each step by the maximum interval, and the number of steps", () => {
    expect(errorsOf({ learningSteps: "100000000d" })).toEqual({ learningSteps: expect.stringContaining("use up to 10 durations") });
    expect(errorsOf({ learningSteps: "400d", maximumInterval: "365" })).toEqual({ learningSteps: '"400d" is longer than the maximum interval (365 days)' });
    expect(errorsOf({ relearningSteps: "2d", maximumInterval: "1" })).toEqual({ relearningSteps: '"2d" is longer than the maximum interval (1 days)' });
    expect(errorsOf({ learningSteps: "365d", maximumInterval: "365" })).toEqual({});
    expect(errorsOf({ learningSteps: Array(11).fill("1m").join(" ") })).toHaveProperty("learningSteps");
    expect(errorsOf({ learningSteps: Array(10).fill("1m").join(" ") })).toEqual({});
    expect(stepDays("36h")).toBe(1.5);
    expect(stepDays("90m")).toBe(0.0625);
  });

  it("whatever it accepts, grading never throws nor yields an invalid date", () => {
    // mostly plausible steps, sometimes huge ones (which the validator must bound)
    const amount = fc.oneof({ weight: 5, arbitrary: fc.integer({ min: 1, max: 60 }) }, { weight: 1, arbitrary: fc.integer({ min: 1, max: 99_999 }) });
    const step = fc.tuple(amount, fc.constantFrom("m", "h", "d")).map(([n, u]) => `${n}${u}`);
    const steps = fc.array(step, { minLength: 0, maxLength: 11 }).map((s) => s.join(" "));
    const candidate = fc.record({
      desiredRetention: fc.integer({ min: 60, max: 100 }).map((n) => (n / 100).toFixed(2)),
      maximumInterval: fc.oneof(fc.integer({ min: 1, max: 40_000 }).map(String), fc.constantFrom("1", "2", "36500")),
      learningSteps: steps,
      relearningSteps: steps,
      enableFuzz: fc.boolean(),
    });
    const ratings = fc.array(fc.constantFrom(1, 2, 3, 4) as fc.Arbitrary<1 | 2 | 3 | 4>, { minLength: 1, maxLength: 25 });
    let accepted = 0;
    fc.assert(
      fc.property(candidate, ratings, (raw, grades) => {
        const parsed = settingsSchema.safeParse(form(raw));
        if (!parsed.success) return true;
        accepted++;
        const settings: StudySettings = { ...DEFAULT_SETTINGS, ...parsed.data };
        let now = new Date("2026-01-01T12:00:00Z");
        let card = null;
        for (const rating of grades) {
          const preview = previewGrades(card, now, settings, "c1");
          for (const g of [1, 2, 3, 4] as const) expect(Number.isFinite(preview[g].due.getTime())).toBe(true);
          const next = gradeCard(card, rating, now, settings, "c1");
          expect(Number.isFinite(next.card.due.getTime())).toBe(true);
          expect(next.card.due.getTime()).toBeGreaterThanOrEqual(now.getTime());
          // ts-fsrs keeps Hard < Good < Easy by a day each, even at the cap: at most 2 days past it
          expect(next.card.due.getTime() - now.getTime()).toBeLessThanOrEqual((settings.maximumInterval + 2) * 86_400_000);
          card = next.card;
          now = next.card.due;
        }
        return true;
      }),
      { numRuns: 400, seed: 20261130 },
    );
    expect(accepted).toBeGreaterThan(50); // the property saw real settings, not only rejections
  });
});
