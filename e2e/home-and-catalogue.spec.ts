// The signed-in home, the settings link, search, the catalogue on a phone, plurals, formulas on
// a phone, the icon set and the web manifest.
import path from "node:path";
import { devices, expect, test } from "@playwright/test";
import { loadCatalogue } from "../lib/content/read-content";
import { signUp } from "./fixtures";

// Sign-in attempts are limited per client address (30 in 15 minutes), and every sign-up signs in:
// this file's users come from their own (documentation-range) address, so the whole suite stays
// under the limit the throttle test relies on.
test.use({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.12" } });

const { catalogue } = loadCatalogue(path.resolve("content"));
if (!catalogue) throw new Error("content/ is invalid: run npm run content:check");
const phone = devices["Pixel 7"];
const phoneUse = { viewport: phone.viewport, isMobile: true, hasTouch: true, userAgent: phone.userAgent, deviceScaleFactor: phone.deviceScaleFactor };
// "1 tricks", "1 cards", ...: a count of one with a plural noun
const WRONG_PLURAL = /(?<![\d.,])1 (tricks|cards|categories|reviews|days|questions|lapses|matches|match)\b/;

test("a signed-in user lands on what to do today; Settings has its own place in the header", async ({ page }) => {
  await signUp(page, "home");
  // two grades so that goal, streak and the weakest category have something to show
  for (let i = 0; i < 2; i++) {
    const id = await page.getByTestId("review-card").getAttribute("data-card-id");
    await page.keyboard.press("Space");
    await page.keyboard.press("4");
    await expect(page.getByTestId("review-card")).not.toHaveAttribute("data-card-id", id!);
  }
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 1, name: "Today" })).toBeVisible();
  await expect(page.getByTestId("home-counts")).toHaveCount(0); // not the landing page
  await expect(page.getByTestId("home-due")).toContainText("18 cards left today");
  await expect(page.getByTestId("home-goal")).toContainText("2 / 30 cards");
  await expect(page.getByTestId("home-streak")).toHaveText("Streak: 1 day · longest 1 day");
  const weakest = page.getByTestId("home-weakest");
  await expect(weakest.getByRole("link", { name: /Quiz it/ })).toHaveAttribute("href", /^\/quiz\?category=[a-z-]+$/);
  await expect(page.getByTestId("home-tomorrow")).toContainText(/\d+ reviews? · \d+ new cards?/);
  expect(await page.locator("main").innerText()).not.toMatch(WRONG_PLURAL);

  await page.getByRole("link", { name: "Start review" }).click();
  await expect(page).toHaveURL(/\/review$/);

  const settings = page.getByRole("banner").getByRole("link", { name: "Settings" });
  await expect(settings).toBeVisible();
  await settings.click();
  await expect(page).toHaveURL(/\/settings$/);
  await expect(page.getByRole("banner").getByRole("link", { name: "Settings" })).toHaveAttribute("aria-current", "page");
});

test("signed out, the home page is the landing page and counts read right", async ({ page }) => {
  await page.goto("/");
  await expect(page.getByTestId("home-counts")).toBeVisible();
  for (const text of await page.getByTestId("category-trick-count").allInnerTexts()) expect(text).toMatch(/^(1 trick|\d+ tricks)$/);
  expect(await page.locator("main").innerText()).not.toMatch(WRONG_PLURAL);
});

test("search requires every word first, knows synonyms and aliases, and writes its count right", async ({ page }) => {
  await page.goto("/tricks");
  const search = page.getByRole("searchbox", { name: "Search tricks" });
  const results = page.getByRole("region", { name: "Search results" }).getByTestId("trick-link");
  const summary = page.getByTestId("search-summary");
  // results render from a deferred value: wait until they belong to the query just typed
  const searchFor = async (q: string) => {
    await search.fill(q);
    await expect(summary).toContainText(`“${q}”`);
  };

  await searchFor("xavier");
  await expect(results.first()).toHaveAttribute("href", "/tricks/fan-in-uniform-init");

  await searchFor("log-sum-exp");
  await expect(results.first()).toContainText("log-softmax");
  expect(await results.count()).toBeLessThan(6); // any-word matching gave 39

  await searchFor("batch norm");
  await expect(results.first()).toHaveAttribute("href", /\/tricks\/batch-(normalization|norm-folding)$/);
  expect(await results.count()).toBeLessThan(20); // any-word matching gave 31 (of 77 entries; 95 since the modern area)
  const hrefs = await results.evaluateAll((links) => links.slice(0, 2).map((a) => a.getAttribute("href")).sort());
  expect(hrefs).toEqual(["/tricks/batch-norm-folding", "/tricks/batch-normalization"]);

  await searchFor("BN folding"); // an alias
  await expect(results.first()).toHaveAttribute("href", "/tricks/batch-norm-folding");

  await searchFor("expereince replay"); // a typo
  await expect(results.first()).toHaveAttribute("href", "/tricks/experience-replay");

  for (const q of ["xavier", "frame skipping", "knowledge distillation"]) {
    await searchFor(q);
    await expect(results.first()).toBeVisible();
    const n = await results.count();
    await expect(summary).toHaveText(`${n} ${n === 1 ? "trick matches" : "tricks match"} “${q}”.`);
  }
});

test.describe("on a phone", () => {
  test.use(phoneUse);

  test("the catalogue has a category jump list and a search placeholder that fits", async ({ page }) => {
    await page.goto("/tricks");
    const jump = page.getByRole("navigation", { name: "Jump to a category" });
    await expect(jump.getByRole("link")).toHaveCount(catalogue.categories.length);
    const last = catalogue.categories.at(-1)!;
    await jump.getByRole("link", { name: last.name, exact: true }).tap();
    await expect(page).toHaveURL(new RegExp(`#cat-${last.slug}$`));
    await expect(page.getByRole("heading", { level: 3, name: last.name })).toBeInViewport();

    const fits = await page.getByRole("searchbox", { name: "Search tricks" }).evaluate((input: HTMLInputElement) => {
      const style = getComputedStyle(input);
      const ctx = document.createElement("canvas").getContext("2d")!;
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const room = input.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
      return ctx.measureText(input.placeholder).width <= room;
    });
    expect(fits).toBe(true);
  });

  test("inline formulas stay on one line", async ({ page }) => {
    await page.goto("/tricks/fan-in-uniform-init");
    const inline = page.locator("main .katex:not(.katex-display .katex)");
    expect(await inline.count()).toBeGreaterThan(0);
    const lines = await inline.evaluateAll((nodes) => nodes.map((n) => n.getClientRects().length));
    expect(lines.every((n) => n === 1), `line boxes per formula: ${lines.join(",")}`).toBe(true);
  });
});

test("every page links an icon set and a web manifest, and they are served", async ({ page, request }) => {
  await page.goto("/tricks");
  for (const rel of ["icon", "apple-touch-icon", "manifest"]) expect(await page.locator(`head link[rel="${rel}"]`).count(), rel).toBeGreaterThan(0);
  const favicon = await request.get("/favicon.ico");
  expect(favicon.status()).toBe(200);
  expect(favicon.headers()["content-type"]).toMatch(/icon/);
  const manifest = await request.get("/manifest.webmanifest");
  expect(manifest.status()).toBe(200);
  const body = (await manifest.json()) as { name: string; icons: { src: string; sizes: string }[] };
  expect(body.name).toBe("Trickdeck");
  for (const icon of body.icons) expect((await request.get(icon.src)).status(), icon.src).toBe(200);
  for (const href of await page.locator('head link[rel="icon"], head link[rel="apple-touch-icon"]').evaluateAll((ls) => ls.map((l) => l.getAttribute("href")!))) {
    expect((await request.get(href)).status(), href).toBe(200);
  }
});
