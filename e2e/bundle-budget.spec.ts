// Page weight: the first-load JavaScript budget of /review and /quiz, read from the production
// build the test server runs (scripts/first-load-js.ts), and prefetch only where a click is likely.
import Database from "better-sqlite3";
import { expect, test } from "@playwright/test";
import { DEFAULT_SETTINGS } from "../lib/srs/settings";
import { insertHistory } from "../scripts/history/insert-history";
import { firstLoadJs, kB } from "../scripts/first-load-js";
import { signUp } from "./fixtures";

// Issue 10 asks for at most 130 kB gzipped on /review and /quiz (265 and 304 kB before the split).
// That target is below what Next 16 + React 19 alone load on every page: the build's
// rootMainFiles (react-dom 64 kB, the App Router 50 kB, the turbopack runtime...) measure 131.9 kB
// gz here, with turbopack and with webpack alike (README, "Performance"). So the test holds two
// lines: the whole first load under 150 kB (the renderer alone was +126 kB, the node:crypto
// polyfill +136 kB), and what the app adds on top of the framework runtime under 20 kB.
const BUDGET = 150_000;
const OWN_BUDGET = 20_000;
const BUDGETED = ["/review", "/quiz"];

test.describe("first-load JS budget", () => {
  for (const route of BUDGETED) {
    test(`${route} loads at most ${kB(BUDGET)} of JavaScript, ${kB(OWN_BUDGET)} of it the app's (gzipped)`, () => {
      const f = firstLoadJs(route);
      const lines = f.files.map((x) => `  ${x.file} ${kB(x.gzipBytes)}${f.framework.includes(x.file) ? " (framework runtime)" : ""}`).join("\n");
      console.log(`first-load JS ${route}: ${kB(f.gzipBytes)} gz, ${kB(f.ownGzipBytes)} beyond the framework runtime (${kB(f.rawBytes)} raw)\n${lines}`);
      test.info().annotations.push({ type: "first-load JS", description: `${route}: ${kB(f.gzipBytes)} gz (app ${kB(f.ownGzipBytes)})` });
      expect(f.gzipBytes, `${route} first-load JS over budget:\n${lines}`).toBeLessThanOrEqual(BUDGET);
      expect(f.ownGzipBytes, `${route}: the app's own first-load JS over budget:\n${lines}`).toBeLessThanOrEqual(OWN_BUDGET);
    });
  }

  test("the manifests count what the server really sends: every script of the /review and /quiz HTML is measured", async ({ page }) => {
    await signUp(page, "bundle");
    for (const route of BUDGETED) {
      const html = await (await page.request.get(route)).text();
      // module scripts only: the nomodule polyfill is skipped by every browser that runs the app
      const scripts = [...html.matchAll(/<script\b([^>]*)>/g)]
        .map((m) => m[1])
        .filter((attrs) => !/\bnomodule\b/i.test(attrs))
        .flatMap((attrs) => /\ssrc="\/_next\/(static\/[^"?]+\.js)/.exec(attrs)?.[1] ?? []);
      expect(scripts.length, `${route}: no <script src> in the HTML`).toBeGreaterThan(0);
      const measured = new Set(firstLoadJs(route).files.map((f) => f.file));
      expect(scripts.filter((s) => !measured.has(s)), `${route}: scripts the budget does not see`).toEqual([]);
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

  // a prefetch is an RSC request marked as one; Next 16 fetches a route's segments separately,
  // so one prefetched route can be several requests: count the routes
  const prefetches: string[] = [];
  page.on("request", (r) => {
    const h = r.headers();
    if (h["next-router-prefetch"] || h["next-router-segment-prefetch"]) prefetches.push(new URL(r.url()).pathname);
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
  const routes = [...new Set(prefetches)].sort();
  console.log(`/progress: ${links} links; ${prefetches.length} prefetch requests for ${routes.length} routes: ${routes.join(" ")}`);
  // the header's navigation and the page's few calls to action; the tables alone hold 50+ links
  expect(links).toBeGreaterThan(50);
  expect(routes.filter((r) => /^\/(tricks|categories)\/./.test(r)), "trick and category pages prefetched from the tables").toEqual([]);
  expect(routes.length).toBeLessThanOrEqual(8);
});
