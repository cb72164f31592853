// Page weight: the first-load JavaScript budget of /review and /quiz, read from the production
// build the test server runs (scripts/first-load-js.ts), and prefetch only where a click is likely.
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { DEFAULT_SETTINGS } from "../lib/srs/settings";
import { insertHistory } from "../scripts/history/insert-history";
import { firstLoadJs, kB } from "../scripts/first-load-js";
import { signUp } from "./fixtures";

/** gzipped first-load JS per route, at most (issue 10: 265 and 304 kB before the split) */
const BUDGET = 130_000;
const BUDGETED = ["/review", "/quiz"];

test.describe("first-load JS budget", () => {
  for (const route of BUDGETED) {
    test(`${route} loads at most ${kB(BUDGET)} of JavaScript (gzipped)`, () => {
      const f = firstLoadJs(route);
      const lines = f.files.map((x) => `  ${x.file} ${kB(x.gzipBytes)}`).join("\n");
      console.log(`first-load JS ${route}: ${kB(f.gzipBytes)} gz (${kB(f.rawBytes)} raw)\n${lines}`);
      test.info().annotations.push({ type: "first-load JS", description: `${route}: ${kB(f.gzipBytes)} gz` });
      expect(f.gzipBytes, `${route} first-load JS over budget:\n${lines}`).toBeLessThanOrEqual(BUDGET);
    });
  }

  test("the manifests count what the server really sends: every script of the /review and /quiz HTML is measured", async ({ page }) => {
    await signUp(page, "bundle");
    for (const route of BUDGETED) {
      const html = await (await page.request.get(route)).text();
      const scripts = [...html.matchAll(/<script[^>]*\ssrc="\/_next\/(static\/[^"?]+\.js)/g)].map((m) => m[1]);
      expect(scripts.length, `${route}: no <script src> in the HTML`).toBeGreaterThan(0);
      const measured = new Set(firstLoadJs(route).files.map((f) => f.file));
      expect(scripts.filter((s) => !measured.has(s) && !s.includes("polyfill")), `${route}: scripts the budget does not see`).toEqual([]);
    }
  });
});

test("/progress prefetches only the likely next steps, not its tables and maps of links", async ({ page }) => {
  const email = await signUp(page, "prefetch");
  // a history on one card of 24 tricks: the trick table and the mastery map fill
  const db = new Database("data/e2e.db");
  const user = db.prepare("SELECT id FROM User WHERE email = ?").get(email) as { id: string };
  const cards = db.prepare("SELECT MIN(id) AS id FROM Card WHERE archivedAt IS NULL GROUP BY trickSlug ORDER BY trickSlug LIMIT 24").all() as { id: string }[];
  const day = 86_400_000;
  const start = Date.now() - 20 * day;
  insertHistory(
    db,
    user.id,
    cards.map((c, i) => ({ cardId: c.id, reviews: [{ rating: 3 as const, at: new Date(start + i * 60_000) }, { rating: 4 as const, at: new Date(start + 8 * day + i * 60_000) }] })),
    { ...DEFAULT_SETTINGS, enableFuzz: false },
  );
  db.close();

  const prefetches: string[] = [];
  page.on("request", (r) => {
    const h = r.headers();
    if (h["next-router-prefetch"] || h["next-router-segment-prefetch"]) prefetches.push(new URL(r.url()).pathname + new URL(r.url()).search.replace(/_rsc=[^&]*&?/, ""));
  });
  await page.goto("/progress");
  await expect(page.getByTestId("mastery-tile").first()).toBeVisible();
  await expect(page.locator("#weakest")).toBeVisible();
  // links prefetch when they scroll into view: go through the whole page, then let the queue drain
  const height = await page.evaluate(() => document.body.scrollHeight);
  for (let y = 0; y <= height; y += 500) {
    await page.mouse.wheel(0, 500);
    await page.waitForTimeout(100);
  }
  await page.waitForLoadState("networkidle");
  await page.waitForTimeout(1_000);
  const links = await page.locator("a[href^='/']").count();
  console.log(`/progress: ${links} links, ${prefetches.length} prefetch requests: ${[...new Set(prefetches)].join(" ")}`);
  // the header's navigation and the page's few calls to action; the tables alone hold 50+ links
  expect(links).toBeGreaterThan(50);
  expect(prefetches.length).toBeLessThanOrEqual(10);
});
