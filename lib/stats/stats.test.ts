import { describe, expect, it } from "vitest";
import { heatmap, streaks } from "./activity";
import { countsPerStudyDay, shiftDay } from "./days";
import { forecast } from "./forecast";
import { masteryBand, masteryScore, sortTricks, type TrickRow } from "./mastery";
import { calibration, retentionWindow } from "./retention";

describe("reviews per study day", () => {
  it("assign UTC hour buckets to the user's study days, day start and time zone included", () => {
    const hours = [
      { hour: "2026-07-01T01", count: 2 }, // 03:30 in Paris (UTC+2): before the 4 am start, so 30 June
      { hour: "2026-07-01T02", count: 3 }, // 04:30 in Paris: 1 July
      { hour: "2026-07-01T21", count: 1 }, // 23:30 in Paris: 1 July
      { hour: "2026-07-01T22", count: 4 }, // 00:30 on 2 July in Paris, still study day 1 July
    ];
    expect(Object.fromEntries(countsPerStudyDay(hours, "Europe/Paris", 4))).toEqual({ "2026-06-30": 2, "2026-07-01": 8 });
    expect(Object.fromEntries(countsPerStudyDay(hours, "UTC", 0))).toEqual({ "2026-07-01": 10 });
    expect(Object.fromEntries(countsPerStudyDay(hours, "America/New_York", 4))).toEqual({ "2026-06-30": 5, "2026-07-01": 5 });
  });

  it("read offsets with minutes, west of UTC, and with seconds", () => {
    // Kathmandu is UTC+5:45: 21:30 UTC is 03:15 the next morning, before a 4 am start; 22:30 UTC is 04:15
    const kathmandu = [
      { hour: "2026-07-01T21", count: 1 },
      { hour: "2026-07-01T22", count: 2 },
    ];
    expect(Object.fromEntries(countsPerStudyDay(kathmandu, "Asia/Kathmandu", 4))).toEqual({ "2026-07-01": 1, "2026-07-02": 2 });
    // St John's is UTC-2:30 in summer: 05:30 UTC is 03:00 (30 June's study day), 06:30 UTC is 04:00 sharp
    const stJohns = [
      { hour: "2026-07-01T05", count: 1 },
      { hour: "2026-07-01T06", count: 2 },
    ];
    expect(Object.fromEntries(countsPerStudyDay(stJohns, "America/St_Johns", 4))).toEqual({ "2026-06-30": 1, "2026-07-01": 2 });
    // an offset with seconds (Monrovia, 1960: UTC-0:44:30) is read from the wall clock: 00:30 UTC
    // is 23:45:30 on 31 December, 01:30 UTC is 00:45:30 on 1 January
    const monrovia = [
      { hour: "1960-01-01T00", count: 1 },
      { hour: "1960-01-01T01", count: 2 },
    ];
    expect(Object.fromEntries(countsPerStudyDay(monrovia, "Africa/Monrovia", 0))).toEqual({ "1959-12-31": 1, "1960-01-01": 2 });
  });

  it("do calendar arithmetic across months and leap days", () => {
    expect(shiftDay("2028-02-28", 1)).toBe("2028-02-29");
    expect(shiftDay("2026-03-01", -1)).toBe("2026-02-28");
    expect(shiftDay("2026-12-31", 1)).toBe("2027-01-01");
  });
});

describe("streaks", () => {
  const days = (...keys: string[]) => new Map(keys.map((k) => [k, 3]));

  it("count consecutive days up to today, or up to yesterday while today is still open", () => {
    expect(streaks(days("2026-05-08", "2026-05-09", "2026-05-10"), "2026-05-10")).toEqual({ current: 3, longest: 3 });
    expect(streaks(days("2026-05-08", "2026-05-09"), "2026-05-10")).toEqual({ current: 2, longest: 2 });
    expect(streaks(days("2026-05-07", "2026-05-09"), "2026-05-10")).toEqual({ current: 1, longest: 1 });
  });

  it("keep the longest run from the past", () => {
    expect(streaks(days("2026-01-01", "2026-01-02", "2026-01-03", "2026-01-04", "2026-05-10"), "2026-05-10")).toEqual({ current: 1, longest: 4 });
    expect(streaks(new Map([["2026-05-10", 0]]), "2026-05-10")).toEqual({ current: 0, longest: 0 });
  });
});

describe("heatmap", () => {
  it("lays out 53 Monday-first weeks ending with today's week, with levels by the user's quartiles", () => {
    const perDay = new Map([
      ["2026-05-10", 40],
      ["2026-05-09", 10],
      ["2026-05-08", 1],
      ["2026-05-04", 20],
    ]);
    const grid = heatmap(perDay, "2026-05-10"); // a Sunday
    expect(grid).toHaveLength(53);
    expect(grid.every((w) => w.length === 7)).toBe(true);
    expect(grid[52][0].key).toBe("2026-05-04"); // Monday of today's week
    expect(grid[52][6]).toEqual({ key: "2026-05-10", count: 40, level: 4, future: false });
    expect(grid[52][4]).toMatchObject({ key: "2026-05-08", level: 1 });
    expect(grid[0][0].key).toBe("2025-05-05"); // 52 weeks before
    const wednesday = heatmap(perDay, "2026-05-06");
    expect(wednesday[52][6]).toMatchObject({ key: "2026-05-10", future: true });
  });
});

describe("forecast", () => {
  it("counts due cards per study day for 30 days, with overdue cards due today", () => {
    const due = [
      { hour: "2026-05-01T10", count: 4 }, // overdue
      { hour: "2026-05-10T10", count: 2 },
      { hour: "2026-05-11T03", count: 1 }, // before 4 am UTC: still study day 10 May
      { hour: "2026-05-12T09", count: 5 },
    ];
    const f = forecast(due, "2026-05-10", "UTC", 4);
    expect(f).toHaveLength(30);
    expect(f.slice(0, 3)).toEqual([
      { key: "2026-05-10", count: 7 },
      { key: "2026-05-11", count: 0 },
      { key: "2026-05-12", count: 5 },
    ]);
    expect(f[29].key).toBe("2026-06-08");
  });
});

describe("mastery", () => {
  it("scores what is known and how well it is recalled", () => {
    expect(masteryScore({ cards: 10, new: 0, learning: 0, young: 0, mature: 10, recall: 0.9 })).toBeCloseTo(0.9);
    expect(masteryScore({ cards: 10, new: 5, learning: 0, young: 5, mature: 0, recall: 0.8 })).toBeCloseTo(0.2);
    expect(masteryScore({ cards: 10, new: 10, learning: 0, young: 0, mature: 0, recall: null })).toBe(0);
    expect([masteryBand(0, false), masteryBand(0.05, true), masteryBand(0.5, true), masteryBand(0.8, true)]).toEqual(["none", "started", "solid", "mastered"]);
  });

  it("sorts tricks weakest first, unstudied last, by any column", () => {
    const row = (slug: string, recall: number | null, lapses = 0): TrickRow => ({ slug, name: slug, category: "c", cards: 3, studied: recall === null ? 0 : 3, recall, stability: recall, lapses, lastReview: null, nextDue: null });
    const rows = [row("b", 0.9), row("n", null), row("a", 0.6, 3), row("c", 0.95, 1)];
    expect(sortTricks(rows).map((r) => r.slug)).toEqual(["a", "b", "c", "n"]);
    expect(sortTricks(rows, "recall", true).map((r) => r.slug)).toEqual(["c", "b", "a", "n"]);
    expect(sortTricks(rows, "lapses", true).map((r) => r.slug)).toEqual(["a", "c", "b", "n"]);
  });
});

describe("retention and calibration", () => {
  it("computes true retention, and nothing without reviews", () => {
    expect(retentionWindow(30, 200, 180)).toEqual({ days: 30, reviews: 200, passed: 180, retention: 0.9 });
    expect(retentionWindow(7, 0, 0).retention).toBeNull();
  });

  it("shows calibration only with enough reviews", () => {
    const few = calibration([{ bin: 9, count: 40, passed: 36, predicted: 0.92 }]);
    expect(few).toMatchObject({ total: 40, enough: false });
    const many = calibration([
      { bin: 10, count: 80, passed: 78, predicted: 0.97 },
      { bin: 9, count: 40, passed: 34, predicted: 0.92 },
    ]);
    expect(many.enough).toBe(true);
    expect(many.bins[0]).toEqual({ from: 0.9, to: 0.95, count: 40, predicted: 0.92, actual: 0.85 });
  });
});

describe("fast study-day bucketing", () => {
  it("agrees with the exact study-day computation for every hour of a year, across DST", async () => {
    const { countsPerStudyDay: fast, studyDayOfHour } = await import("./days");
    for (const [tz, start] of [
      ["America/New_York", 4],
      ["Europe/Paris", 0],
      ["Asia/Kolkata", 4],
      ["Australia/Sydney", 6],
      ["UTC", 4],
    ] as const) {
      const mismatches: string[] = [];
      for (let h = 0; h < 366 * 24; h++) {
        const hour = new Date(Date.UTC(2026, 0, 1) + h * 3_600_000).toISOString().slice(0, 13);
        const got = [...fast([{ hour, count: 1 }], tz, start).keys()][0];
        if (got !== studyDayOfHour(hour, tz, start)) mismatches.push(`${tz} ${hour}: ${got}`);
      }
      expect(mismatches, tz).toEqual([]);
    }
  }, 120_000); // 44,000 exact time-zone look-ups: slow while the PostgreSQL project runs alongside

  it("agrees with the exact computation for a whole year of buckets in one call, in zones with odd offsets", async () => {
    const { countsPerStudyDay: fast, studyDayOfHour } = await import("./days");
    for (const [tz, start] of [
      ["Australia/Lord_Howe", 4], // daylight saving moves the clock by 30 minutes
      ["America/St_Johns", 4],
      ["Pacific/Chatham", 0],
      ["Europe/Paris", 23],
    ] as const) {
      const hours = Array.from({ length: 366 * 24 }, (_, h) => ({ hour: new Date(Date.UTC(2026, 0, 1) + h * 3_600_000).toISOString().slice(0, 13), count: 1 + (h % 7) }));
      const expected = new Map<string, number>();
      for (const { hour, count } of hours) {
        const key = studyDayOfHour(hour, tz, start);
        expected.set(key, (expected.get(key) ?? 0) + count);
      }
      expect(Object.fromEntries(fast(hours, tz, start)), tz).toEqual(Object.fromEntries(expected));
    }
  }, 120_000);
});
