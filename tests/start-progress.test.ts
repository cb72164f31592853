// npm start prints what it does during the first build, with a rough duration.
import { describe, expect, it } from "vitest";
import { buildAnnouncement, formatSeconds, heartbeat } from "../scripts/start-progress.mjs";

describe("npm start progress lines", () => {
  it("formats durations for people", () => {
    expect([0, 44.6, 60, 80, 125].map(formatSeconds)).toEqual(["0 s", "45 s", "1 min", "1 min 20 s", "2 min 5 s"]);
  });

  it("announces a first build with a rough duration, later ones with the last build's time", () => {
    expect(buildAnnouncement(NaN, true)).toContain("first start: building the app with Next.js (usually 1 to 2 minutes on a laptop)");
    expect(buildAnnouncement(52, false)).toContain("sources changed: rebuilding the app with Next.js (about 52 s last time)");
  });

  it("counts down to the expected end, and only counts up past it", () => {
    expect(heartbeat(15, 60)).toBe("[start] still building… 15 s, about 45 s to go");
    expect(heartbeat(75, 60)).toBe("[start] still building… 1 min 15 s");
    expect(heartbeat(30, NaN)).toBe("[start] still building… 30 s");
  });
});
