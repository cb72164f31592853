import path from "node:path";
import { expect, test } from "@playwright/test";
import { buildCards } from "../lib/content/cards";
import { loadCatalogue } from "../lib/content/read-content";

// The expected numbers come from content/ itself, so the test follows the catalogue as it grows.
const { catalogue } = loadCatalogue(path.resolve("content"));
if (!catalogue) throw new Error("content/ is invalid: run npm run content:check");
const totalCards = catalogue.tricks.reduce((n, t) => n + buildCards(t).length, 0);

test("the catalogue lists every category with the right number of tricks", async ({ page }) => {
  await page.goto("/tricks");
  await expect(page.getByRole("heading", { name: "The catalogue" })).toBeVisible();
  await expect(page.getByTestId("catalogue-counts")).toHaveText(
    `${catalogue.tricks.length} tricks and architectures in ${catalogue.categories.length} categories, ${totalCards} cards.`,
  );
  await expect(page.getByTestId("category")).toHaveCount(catalogue.categories.length);
  for (const category of catalogue.categories) {
    const section = page.locator(`[data-category="${category.slug}"]`);
    await expect(section.getByRole("heading", { level: 3 }), category.slug).toHaveText(category.name);
    await expect(section.getByTestId("trick-link"), category.slug).toHaveCount(catalogue.tricks.filter((t) => t.category === category.slug).length);
  }
  await expect(page.getByTestId("trick-link")).toHaveCount(catalogue.tricks.length);
});

test("the home page shows the counts from the database", async ({ page }) => {
  await page.goto("/");
  const counts = page.getByTestId("home-counts");
  await expect(counts).toContainText(`Tricks${catalogue.tricks.length}`);
  await expect(counts).toContainText(`Cards${totalCards}`);
});

test("a trick page shows its references as links and renders its math", async ({ page }) => {
  await page.goto("/tricks/fan-in-uniform-init");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  const links = page.getByTestId("references").getByRole("link");
  expect(await links.count()).toBeGreaterThan(0);
  await expect(links.filter({ hasText: "Batch Normalization" })).toHaveAttribute("href", "https://arxiv.org/abs/1502.03167");
  // KaTeX output, not the raw TeX source
  const whatSection = page.locator("section", { has: page.getByRole("heading", { name: "What it is" }) });
  await expect(whatSection.locator(".katex").first()).toBeVisible();
  // outside the rendered formulas, no TeX source is left ($ delimiters or \sqrt)
  const textOutsideMath = await whatSection.evaluate((el) => {
    const copy = el.cloneNode(true) as HTMLElement;
    copy.querySelectorAll(".katex").forEach((k) => k.remove());
    return copy.textContent ?? "";
  });
  expect(textOutsideMath).not.toMatch(/\$|\\sqrt/);
  await expect(whatSection.locator(".katex-mathml annotation").filter({ hasText: "\\sqrt{n}" }).first()).toBeAttached();
});

test("a trick page says where we correct the upstream text", async ({ page }) => {
  await page.goto("/tricks/frame-stacking");
  await expect(page.getByTestId("corrections")).toContainText("van Hasselt");
});

test("cards show the question and reveal the answer on demand", async ({ page }) => {
  await page.goto("/tricks/lstm-forget-gate-bias");
  const first = page.getByTestId("card-list").getByRole("listitem").first();
  await expect(first).toContainText("forget-gate bias of 1");
  const answer = first.getByText("Initialising the forget gate's bias to 1");
  await expect(answer).toBeHidden();
  await first.getByText("Show answer").click();
  await expect(answer).toBeVisible();
});

test("search finds a trick by a word from its text", async ({ page }) => {
  await page.goto("/tricks");
  const search = page.getByRole("searchbox", { name: "Search tricks" });
  // "log-sum-exp" appears in the explanation of the fused log-softmax trick, not in its title
  await search.fill("log-sum-exp");
  const results = page.getByRole("region", { name: "Search results" });
  await expect(results.getByTestId("trick-link").first()).toContainText("log-softmax");
  await expect(page).toHaveURL(/\?q=log-sum-exp/);
  await search.fill("zzqxv");
  await expect(results).toContainText("No trick matches");
  await search.fill("");
  await expect(page.getByTestId("trick-link")).toHaveCount(catalogue.tricks.length);
});

test("an unknown trick gives a not-found page", async ({ page }) => {
  const response = await page.goto("/tricks/no-such-trick");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
});

test("dark mode can be switched on and is remembered", async ({ page }) => {
  await page.goto("/tricks");
  await page.getByRole("button", { name: "Switch to dark mode" }).click();
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.reload();
  await expect(page.locator("html")).toHaveClass(/dark/);
});
