import { describe, expect, it } from "vitest";
import { studyDay } from "./study-day";

const at = (iso: string) => new Date(iso);

describe("study days", () => {
  it("start at the day-start hour in the user's time zone", () => {
    // 03:59 in Paris (winter, UTC+1) still belongs to the previous study day
    expect(studyDay(at("2026-01-15T02:59:00Z"), "Europe/Paris", 4)).toEqual({
      key: "2026-01-14",
      start: at("2026-01-14T03:00:00Z"),
      end: at("2026-01-15T03:00:00Z"),
    });
    expect(studyDay(at("2026-01-15T03:00:00Z"), "Europe/Paris", 4).key).toBe("2026-01-15");
  });

  it("give the same instant a different day in another time zone", () => {
    const instant = at("2026-06-01T01:30:00Z");
    expect(studyDay(instant, "UTC", 0).key).toBe("2026-06-01");
    expect(studyDay(instant, "America/Los_Angeles", 0).key).toBe("2026-05-31");
    expect(studyDay(instant, "Asia/Tokyo", 4).key).toBe("2026-06-01");
  });

  it("are 23 or 25 hours long across daylight-saving changes", () => {
    // New York springs forward on 2026-03-08 and falls back on 2026-11-01
    const spring = studyDay(at("2026-03-08T12:00:00Z"), "America/New_York", 4);
    expect(spring.start).toEqual(at("2026-03-08T08:00:00Z")); // 04:00 EDT (UTC-4)
    expect((spring.end.getTime() - spring.start.getTime()) / 3_600_000).toBe(24);
    const before = studyDay(at("2026-03-07T12:00:00Z"), "America/New_York", 4);
    expect(before.start).toEqual(at("2026-03-07T09:00:00Z")); // 04:00 EST (UTC-5)
    expect((before.end.getTime() - before.start.getTime()) / 3_600_000).toBe(23);
    const fall = studyDay(at("2026-10-31T12:00:00Z"), "America/New_York", 4);
    expect((fall.end.getTime() - fall.start.getTime()) / 3_600_000).toBe(25);
  });

  it("handle a day start inside the skipped hour of a DST change", () => {
    // 02:00 does not exist in New York on 2026-03-08; the day starts at the first valid instant after it
    const day = studyDay(at("2026-03-08T12:00:00Z"), "America/New_York", 2);
    expect(day.key).toBe("2026-03-08");
    expect(day.start.getTime()).toBeLessThanOrEqual(at("2026-03-08T12:00:00Z").getTime());
    expect(day.end).toEqual(at("2026-03-09T06:00:00Z")); // 02:00 EDT the next day
  });

  it("cover midnight when the day starts at hour 0", () => {
    expect(studyDay(at("2026-01-15T23:59:59Z"), "UTC", 0)).toEqual({ key: "2026-01-15", start: at("2026-01-15T00:00:00Z"), end: at("2026-01-16T00:00:00Z") });
  });

  it("answer the same, remembered or not: back and forth across a day boundary and a DST change", () => {
    // New York: the study day of 2026-03-07 (EST) ends at 04:00 EDT on 2026-03-08 = 08:00Z
    const seq = ["2026-03-07T12:00:00Z", "2026-03-08T07:59:59Z", "2026-03-08T08:00:00Z", "2026-03-08T07:59:59Z", "2026-03-09T07:59:59Z", "2026-03-07T09:00:00Z", "2026-03-07T08:59:59Z"];
    expect(seq.map((iso) => studyDay(at(iso), "America/New_York", 4).key)).toEqual(["2026-03-07", "2026-03-07", "2026-03-08", "2026-03-07", "2026-03-08", "2026-03-07", "2026-03-06"]);
    // and a returned day is the caller's own: changing it changes nothing for the next caller
    const day = studyDay(at("2026-03-07T12:00:00Z"), "America/New_York", 4);
    day.start.setTime(0);
    expect(studyDay(at("2026-03-07T12:00:00Z"), "America/New_York", 4).start).toEqual(at("2026-03-07T09:00:00Z"));
    // another start hour is another memo: 07:00 EST is before an 08:00 start, so still the 6th
    expect(studyDay(at("2026-03-07T12:00:00Z"), "America/New_York", 8).key).toBe("2026-03-06");
    expect(studyDay(at("2026-03-07T12:00:00Z"), "America/New_York", 8).start).toEqual(at("2026-03-06T13:00:00Z"));
  });
});
