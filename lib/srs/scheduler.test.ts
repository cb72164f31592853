import { Rating, type Card } from "ts-fsrs";
import { describe, expect, it } from "vitest";
import { asFixture, fsrsFixture } from "@/tests/helpers/fsrs-fixtures";
import { cardToRow, logToRow, rowToCard, rowToLog } from "./mapper";
import { formatInterval, gradeCard, previewGrades, replay, undoGrade } from "./scheduler";
import { DEFAULT_SETTINGS, parseSteps, settingsSchema } from "./settings";

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const t0 = new Date("2026-02-01T09:00:00Z");
const later = (days: number, minutes = 0) => new Date(t0.getTime() + days * 86_400_000 + minutes * 60_000);

/** A card taken through a realistic history: new, learning steps, review, lapse, relearning. */
function history() {
  const steps: { rating: Rating.Again | Rating.Hard | Rating.Good | Rating.Easy; at: Date }[] = [
    { rating: Rating.Good, at: t0 },
    { rating: Rating.Good, at: later(0, 11) },
    { rating: Rating.Good, at: later(3) },
    { rating: Rating.Again, at: later(12) },
    { rating: Rating.Good, at: later(12, 15) },
    { rating: Rating.Hard, at: later(20) },
  ];
  let card = null as ReturnType<typeof gradeCard>["card"] | null;
  const results = [];
  for (const s of steps) {
    const r = gradeCard(card, s.rating, s.at, settings, "c1");
    results.push({ before: card, ...r });
    card = r.card;
  }
  return { steps, results };
}

describe("the scheduler facade", () => {
  it("labels the grade buttons with the learning steps for a new card", () => {
    const p = previewGrades(null, t0, settings, "c1");
    expect([p[1].label, p[2].label, p[3].label]).toEqual(["1m", "6m", "10m"]);
    expect(p[4].label).toBe("8d"); // Easy skips learning: FSRS-6's initial stability for Easy is 8.3 days
    expect(p[4].due).toEqual(new Date("2026-02-09T09:00:00Z"));
    const custom = previewGrades(null, t0, { ...settings, learningSteps: "3m 30m" }, "c1");
    expect([custom[1].label, custom[3].label]).toEqual(["3m", "30m"]);
  });

  it("schedules further out with a lower desired retention", () => {
    const { results } = history();
    const reviewCard = results[2].card;
    const at = reviewCard.due;
    const low = previewGrades(reviewCard, at, { ...settings, desiredRetention: 0.8 }, "c1")[3].due.getTime();
    const high = previewGrades(reviewCard, at, { ...settings, desiredRetention: 0.95 }, "c1")[3].due.getTime();
    expect(low).toBeGreaterThan(high);
  });

  it("maps cards and logs to rows and back without losing dates, floats or learning steps", () => {
    for (const { card, log } of history().results) {
      expect(rowToCard(cardToRow(card))).toEqual(card);
      expect(rowToLog(logToRow(log))).toEqual(log);
    }
    const learningCard = history().results[0].card;
    expect(learningCard.learning_steps).toBe(1);
    expect(cardToRow(learningCard).learningSteps).toBe(1);
  });

  it("undoes any grade back to the exact previous card", () => {
    for (const { before, card, log } of history().results) {
      const previousDue = before ? before.due : log.review;
      const restored = undoGrade(card, log, previousDue, settings);
      if (before === null) expect(restored).toBeNull();
      else expect(restored).toEqual(before);
    }
  });

  it.each(["history/default", "history/custom"] as const)("grades and replays a history to the committed ts-fsrs states (%s settings)", (name) => {
    const { reviews, settings: s, states, final } = fsrsFixture(name);
    let card: Card | null = null;
    const graded = reviews.map((r) => asFixture((card = gradeCard(card, r.rating, r.at, s, "c1").card)));
    expect(graded).toEqual(states);
    expect(asFixture(replay(reviews.map((r) => ({ rating: r.rating, review: r.at })), s, "c1")!)).toEqual(final);
  });

  it("replays nothing to no card, a reset (rating 0) as a fresh start, and refuses a rating outside 0-4", () => {
    expect(replay([], settings, "c1")).toBeNull();
    expect(() => replay([{ rating: 5, review: t0 }], settings, "c1")).toThrow("rating 5 is not 1-4");
    // rating 0 is a reset (ts-fsrs forget): the history starts again from a new card
    const { steps } = history();
    const logs = steps.map((s) => ({ rating: s.rating, review: s.at }));
    const after = new Date(steps.at(-1)!.at.getTime() + 86_400_000);
    expect(replay([...logs, { rating: 0, review: after }], settings, "c1")).toBeNull();
    expect(replay([...logs, { rating: 0, review: after }, { rating: 3, review: after }], settings, "c1")).toEqual(replay([{ rating: 3, review: after }], settings, "c1"));
  });

  it("with fuzz on, gives the interval previewed at showing when graded later, and still spreads cards", () => {
    const fuzzy = { ...settings, enableFuzz: true };
    const easy = new Set<number>();
    for (let i = 0; i < 20; i++) {
      const id = `trick-${i}/what`;
      const shown = previewGrades(null, t0, fuzzy, id)[4];
      const pressedAt = later(0, 3);
      const graded = gradeCard(null, Rating.Easy, pressedAt, fuzzy, id).card;
      expect(graded.scheduled_days * 86_400_000).toBe(shown.due.getTime() - t0.getTime());
      easy.add(graded.scheduled_days);
    }
    // fuzz really is on: twenty cards do not all land on the same day
    expect(easy.size).toBeGreaterThan(2);
  });

  it("formats intervals for the buttons", () => {
    expect([30e3, 60e3, 10 * 60e3, 5 * 3600e3, 3 * 86400e3, 45 * 86400e3, 800 * 86400e3].map(formatInterval)).toEqual(["30s", "1m", "10m", "5h", "3d", "1.5mo", "2.2y"]);
  });
});

describe("study settings", () => {
  it("parses learning steps and refuses anything else", () => {
    expect(parseSteps("1m 10m, 1h")).toEqual(["1m", "10m", "1h"]);
    expect(() => parseSteps("1m soon")).toThrow('"soon" is not a step like 1m, 10m, 1h or 1d');
    expect(() => parseSteps("0m")).toThrow('"0m" is not a step like 1m, 10m, 1h or 1d');
  });

  it("refuses out-of-range values with the reason", () => {
    const result = settingsSchema.safeParse({ ...DEFAULT_SETTINGS, desiredRetention: 0.5, timeZone: "Mars/Olympus", newCardsPerDay: -1 });
    expect(result.success).toBe(false);
    expect(result.error!.issues.map((i) => i.message)).toEqual([
      "Desired retention must be between 0.70 and 0.99",
      "New cards per day cannot be negative",
      "Unknown time zone (use an IANA name like Europe/Paris)",
    ]);
  });
});
