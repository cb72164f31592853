// A quiz asked longer than its categories allow says so before starting and offers more; the
// progress page works by keyboard and at phone width.
import path from "node:path";
import { devices, expect, test } from "@playwright/test";
import { loadCatalogue } from "../lib/content/read-content";
import { signUp } from "./fixtures";

// Sign-in attempts are limited per client address (30 in 15 minutes), and every sign-up signs in:
// this file's users come from their own (documentation-range) address, so the whole suite stays
// under the limit the throttle test relies on.
test.use({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.13" } });

const { catalogue } = loadCatalogue(path.resolve("content"));
if (!catalogue) throw new Error("content/ is invalid: run npm run content:check");
const tricksIn = (slug: string) => catalogue.tricks.filter((t) => t.category === slug).length;
const smallest = [...catalogue.categories].sort((a, b) => tricksIn(a.slug) - tricksIn(b.slug))[0];

test("a quiz longer than its categories hold says so before starting and widens the pool on request", async ({ page }) => {
  await signUp(page, "quiz-short");
  await page.goto("/quiz");
  const n = tricksIn(smallest.slug);
  expect(n).toBeLessThan(10);
  await page.getByRole("checkbox", { name: new RegExp(`^${smallest.name} \\(`) }).check();
  const notice = page.getByTestId("quiz-shortfall");
  await expect(notice).toContainText(`so this quiz will have ${n} ${n === 1 ? "question" : "questions"}, not 10`);

  const ticked = async () => page.getByRole("checkbox", { name: / \(\d+\)$/, checked: true }).count();
  expect(await ticked()).toBe(1);
  await notice.getByRole("button", { name: /Widen the pool/ }).click();
  expect(await ticked()).toBeGreaterThan(1);
  await expect(notice).toHaveCount(0);

  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByTestId("quiz-progress")).toHaveText("Question 1 of 10");
});

test("the other way out: keep the categories and ask all their questions", async ({ page }) => {
  await signUp(page, "quiz-keep");
  await page.goto(`/quiz?category=${smallest.slug}`);
  await page.getByTestId("quiz-shortfall").getByRole("button", { name: /Keep these/ }).click();
  await expect(page.getByRole("radio", { name: "All", exact: true })).toBeChecked();
  await expect(page.getByTestId("quiz-shortfall")).toHaveCount(0);
});

test.describe("progress on a phone", () => {
  const phone = devices["Pixel 7"];
  test.use({ viewport: phone.viewport, isMobile: true, hasTouch: true, userAgent: phone.userAgent, deviceScaleFactor: phone.deviceScaleFactor });

  test("shows each trick as a card, and the tables behind the charts scroll by keyboard", async ({ page }) => {
    await signUp(page, "progress-phone");
    const id = await page.getByTestId("review-card").getAttribute("data-card-id");
    await page.getByRole("button", { name: /Show answer/ }).tap();
    await page.getByRole("button", { name: /^Easy/ }).tap();
    await expect(page.getByTestId("review-card")).not.toHaveAttribute("data-card-id", id!);

    await page.goto("/progress");
    await expect(page.getByTestId("trick-table")).toBeHidden();
    const cards = page.getByTestId("trick-cards").getByRole("listitem");
    await expect(cards).toHaveCount(15);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);

    await page.getByText("Forecast as a table").tap();
    const region = page.locator("details[open] [role=region]").first();
    await expect(region).toHaveAttribute("tabindex", "0");
    await region.focus();
    await expect(region).toBeFocused();
  });
});
