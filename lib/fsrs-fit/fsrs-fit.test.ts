// Formats (CSV, Anki, backup), metrics against hand-computed values, the minimum-history rule,
// training items and the time split: pure functions, plain inputs, exact outputs.
import { describe, expect, it } from "vitest";
import { ankiDeck } from "./anki-deck";
import { BACKUP_FORMAT, MAX_BACKUP_BYTES, parseBackup } from "./backup-format";
import { deltaTBin, lapseBin, logLoss, reviewBin, rmseBins, type Prediction } from "./metrics";
import { checkHistory, MIN_TRAINING_ITEMS } from "./min-history";
import { reviewLogCsv } from "./review-csv";
import { splitByTime } from "./time-split";
import { buildTrainingItems, studyDayNumber, type LogRow } from "./training-items";

const pt = (p: number, y: 0 | 1, deltaT = 1, i = 2, lapses = 0): Prediction => ({ p, y, deltaT, i, lapses });

describe("metrics (srs-benchmark definitions)", () => {
  it("log loss of three predictions, computed by hand", () => {
    // -(ln 0.9 + ln 0.4 + ln 0.8) / 3 = (0.1053605 + 0.9162907 + 0.2231436) / 3
    expect(logLoss([pt(0.9, 1), pt(0.6, 0), pt(0.2, 0)])).toBeCloseTo(0.4149316, 6);
  });

  it("RMSE over bins compares each bin's mean prediction with its mean outcome", () => {
    // one bin: mean p 1.7/3, mean y 1/3 -> |0.5667 - 0.3333| = 0.2333
    expect(rmseBins([pt(0.9, 1), pt(0.6, 0), pt(0.2, 0)])).toBeCloseTo(0.233333, 6);
    // two bins of one review (delta_t 1 and 10): sqrt((0.1^2 + 0.5^2) / 2) = sqrt(0.13)
    expect(rmseBins([pt(0.9, 1, 1), pt(0.5, 0, 10)])).toBeCloseTo(0.360555, 6);
    // weights are bin sizes: two reviews in bin A (gap 0.1 each side cancels to mean), one in B
    expect(rmseBins([pt(0.8, 1, 1), pt(0.8, 0, 1), pt(0.5, 0, 10)])).toBeCloseTo(Math.sqrt((2 * 0.3 ** 2 + 0.5 ** 2) / 3), 6);
  });

  it("bin edges follow rmse_matrix", () => {
    expect([deltaTBin(0), deltaTBin(1), deltaTBin(4), deltaTBin(13), deltaTBin(14)]).toEqual([0, 2.48, 8.98, 8.98, 32.5]);
    expect([reviewBin(1), reviewBin(2), reviewBin(3), reviewBin(4)]).toEqual([2, 4, 4, 7]);
    // lapses 3: floor(ln 3 / ln 1.73) = 2, 1.65 * 1.73^2 = 4.94 -> 5
    expect([lapseBin(0), lapseBin(1), lapseBin(2), lapseBin(3)]).toEqual([0, 2, 3, 5]);
  });
});

describe("minimum history", () => {
  it(`refuses below ${MIN_TRAINING_ITEMS} long-term reviews, saying how many there are and why`, () => {
    const refused = checkHistory(399);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.message).toMatch(/at least 400 .*you have 399.*too small to tell/);
    expect(checkHistory(400)).toEqual({ ok: true });
  });
});

describe("training items (as fsrs-rs builds them)", () => {
  const D = 86_400_000;
  const t0 = Date.UTC(2026, 0, 1, 10);
  const log = (cardId: string, ms: number, rating: number, state: number): LogRow => ({ cardId, review: new Date(ms), rating, state });
  const show = (rows: LogRow[], tz = "UTC", hour = 4) => buildTrainingItems(rows, studyDayNumber(tz, hour)).map((i) => i.reviews.map((r) => `${r.rating}@${r.deltaT}`).join(" "));

  it("one item per review a day or more after the previous; same-day reviews stay in the history", () => {
    const rows = [log("a", t0, 3, 0), log("a", t0 + 600_000, 3, 1), log("a", t0 + D, 3, 2), log("a", t0 + D + 3_600_000, 1, 2), log("a", t0 + 4 * D, 3, 3), log("c", t0, 1, 0), log("c", t0 + 2 * D, 3, 1)];
    expect(show(rows)).toEqual(["3@0 3@0 3@1", "3@0 3@0 3@1 1@0 3@3", "1@0 3@2"]);
  });

  it("counts study days from the day-start hour in the user's time zone; drops cards first seen in another state", () => {
    // 23:00 and 05:00 the next morning UTC: the same study day when days start at 6, the next when at 4
    const night = Date.UTC(2026, 0, 1, 23);
    const rows = [log("a", night, 3, 0), log("a", night + 6 * 3_600_000, 3, 1), log("a", night + 3 * D, 3, 2)];
    expect(show(rows, "UTC", 4)).toEqual(["3@0 3@1", "3@0 3@1 3@2"]);
    expect(show(rows, "UTC", 6)).toEqual(["3@0 3@0 3@3"]);
    // in Tokyo (UTC+9) 23:00 UTC is 08:00 the next day, 05:00 UTC is 14:00: same day
    expect(show(rows, "Asia/Tokyo", 4)).toEqual(["3@0 3@0 3@3"]);
    expect(show([log("x", t0, 3, 2), log("x", t0 + 3 * D, 3, 2)])).toEqual([]);
  });

  it("a reset (rating 0) starts the history anew: only the reviews after the last reset make items", () => {
    // a: reviewed, reset on day 3 (rating 0), then learned again from NEW on day 4 and 6
    const rows = [log("a", t0, 3, 0), log("a", t0 + 2 * D, 3, 2), log("a", t0 + 3 * D, 0, 2), log("a", t0 + 4 * D, 1, 0), log("a", t0 + 6 * D, 3, 1)];
    expect(show(rows)).toEqual(["1@0 3@2"]);
    // a card whose last entry is its reset has no history left
    expect(show([log("b", t0, 3, 0), log("b", t0 + 2 * D, 3, 2), log("b", t0 + 3 * D, 0, 2)])).toEqual([]);
  });

  it("the time split keeps the latest fifth for testing, ties on one side", () => {
    const items = [5, 1, 3, 2, 4, 6, 7, 8, 9, 10].map((at) => ({ at }));
    const { train, test } = splitByTime(items);
    expect(train.map((i) => i.at)).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
    expect(test.map((i) => i.at)).toEqual([9, 10]);
    const tied = splitByTime([1, 2, 3, 4, 5, 6, 7, 8, 8, 8].map((at) => ({ at })));
    expect(tied.test.map((i) => i.at)).toEqual([8, 8, 8]);
  });
});

describe("export formats", () => {
  it("review CSV: the FSRS tools' header, Unix ms, quoted ids, 0 for an unknown duration", () => {
    const csv = reviewLogCsv([
      { cardId: "dropout/what", review: new Date("2026-01-02T03:04:05.006Z"), rating: 3, state: 0, durationMs: 4200 },
      { cardId: 'odd,"id"', review: new Date(0), rating: 1, state: 2, durationMs: null },
    ]);
    expect(csv).toBe('card_id,review_time,review_rating,review_state,review_duration\ndropout/what,1767323045006,3,0,4200\n"odd,""id""",0,1,2,0\n');
  });

  it("Anki file: the header lines Anki reads, HTML-escaped fields, MathJax delimiters, tags column", () => {
    const text = ankiDeck([{ cardId: "bn/what", front: "What is <BN>?\tNow", back: "Scale by $1/\\sqrt{n}$\nthen $$x^2$$", reference: "Ioffe (2015)", tags: ["trickdeck", "trickdeck::tricks::batch norm"] }]);
    const lines = text.split("\n");
    expect(lines.slice(0, 5)).toEqual(["#separator:tab", "#html:true", "#columns:Front\tBack\tReference\tTags\tGUID", "#tags column:4", "#guid column:5"]);
    expect(lines[6].split("\t")).toEqual(["What is &lt;BN&gt;? Now", "Scale by \\(1/\\sqrt{n}\\)<br>then \\[x^2\\]", "Ioffe (2015)", "trickdeck trickdeck::tricks::batch_norm", "bn/what"]);
  });

  it("backup: refuses another format, another version, and names the first bad record", () => {
    const base = { format: BACKUP_FORMAT, version: 1, exportedAt: "2026-01-01T00:00:00.000Z", settings: null, cardStates: [], reviewLogs: [], quizAttempts: [] };
    const text = (o: object) => JSON.stringify({ ...base, ...o });
    expect(parseBackup(text({}), 10)).toMatchObject({ ok: true });
    expect(parseBackup(text({ format: "anki" }), 10)).toMatchObject({ ok: false, message: expect.stringContaining("not a Trickdeck backup") });
    expect(parseBackup(text({ version: 2 }), 10)).toMatchObject({ ok: false, message: expect.stringContaining("unsupported backup version") });
    const state = { cardId: "a/b", due: "2026-01-01T00:00:00.000Z", stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 1, learningSteps: 0, reps: 1, lapses: 0, state: 9, lastReview: null, suspended: false, buriedUntil: null };
    expect(parseBackup(text({ cardStates: [{ ...state, state: 2 }, state] }), 10)).toMatchObject({ ok: false, message: expect.stringMatching(/^Record cardStates\[1\] \(card a\/b\), field "state"/) });
    expect(parseBackup(text({}), MAX_BACKUP_BYTES + 1)).toMatchObject({ ok: false, message: expect.stringContaining("up to 8 MB") });
  });
});
