// The first `npm start` is never silent: the shared test server is started by scripts/start.mjs
// (playwright.config.ts), which writes what it says, with times, to data/e2e-start.log. On a fresh
// clone (as in CI) that start builds the app, so the build's announcement and heartbeat are
// checked there; a run that reused a build says so and checks the rest.
import { expect, test } from "@playwright/test";
import { readFileSync } from "node:fs";

const LOG = "data/e2e-start.log";
const QUIET_LIMIT_MS = 20_000; // a heartbeat every 15 s, plus slack for a busy machine

test("npm start says what it is doing, and is never quiet for long while it builds", () => {
  const lines = readFileSync(LOG, "utf8").trim().split("\n").map((l) => {
    const space = l.indexOf(" ");
    return { at: Number(l.slice(0, space)), text: l.slice(space + 1) };
  });
  expect(lines[0].text).toMatch(/^\[start\] preparing the database/);
  expect(lines.at(-1)!.text).toMatch(/^Trickdeck is starting on http:\/\/localhost:\d+/);
  const announced = lines.findIndex((l) => /^\[start\] (first start: building|sources changed: rebuilding) the app/.test(l.text));
  if (announced === -1) {
    expect(lines.some((l) => /^\[start\] (SKIP_BUILD=1|the build is up to date)/.test(l.text)), lines.map((l) => l.text).join("\n")).toBe(true);
    test.info().annotations.push({ type: "note", description: "this run reused a build: the build's heartbeat was not exercised (it is on a fresh clone, as in CI)" });
    return;
  }
  // the announcement says how long to expect
  expect(lines[announced].text).toMatch(/about \d+|usually 1 to 2 minutes/);
  const done = lines.findIndex((l) => /^\[start\] built in /.test(l.text));
  expect(done, "the build's end is announced").toBeGreaterThan(announced);
  const during = lines.slice(announced, done + 1);
  const gaps = during.slice(1).map((l, i) => l.at - during[i].at);
  console.log(`build announced, ${during.length - 2} heartbeat lines, longest quiet ${Math.max(...gaps)} ms`);
  expect(Math.max(...gaps), during.map((l) => l.text).join("\n")).toBeLessThanOrEqual(QUIET_LIMIT_MS);
  if (during.length > 2) expect(during[1].text).toMatch(/^\[start\] still building… \d+ s/);
});
