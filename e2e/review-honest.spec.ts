// The review screen tells the truth: each grade button's interval is what the grade stores (fuzz
// on, as by default), "left today" counts learning steps due later, and a phone gets room.
import { devices, expect, test } from "@playwright/test";
import { cardStateOf } from "./db";
import { signUp } from "./fixtures";

// Sign-in attempts are limited per client address (30 in 15 minutes), and every sign-up signs in:
// this file's users come from their own (documentation-range) address, so the whole suite stays
// under the limit the throttle test relies on.
test.use({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.11" } });

/** Days as the buttons write them: "9d" below a month, "1.3mo" below a year, then "1.2y". */
const asLabel = (days: number) =>
  days < 30 ? `${days}d` : days < 365 ? `${Number((days / 30.4375).toFixed(1))}mo` : `${Number((days / 365.25).toFixed(1))}y`;

test("the Easy button's interval is the one the grade stores, card after card, with fuzz on", async ({ page }) => {
  const email = await signUp(page, "honest-easy");
  await expect(page.locator("[data-testid=review-session][data-ready]")).toBeVisible();
  const card = page.getByTestId("review-card");
  const seen: string[] = [];
  for (let i = 0; i < 6; i++) {
    const id = (await card.getAttribute("data-card-id"))!;
    await page.keyboard.press("Space");
    const label = (await page.getByTestId("interval-4").innerText()).split(/\s/)[0];
    await page.waitForTimeout(1500); // the grade comes later than the label, as a person's would
    await page.keyboard.press("4");
    await expect(card).not.toHaveAttribute("data-card-id", id);
    const stored = cardStateOf(email, id)!;
    expect(stored.state).toBe(2);
    expect(`${id}: ${label}`).toBe(`${id}: ${asLabel(stored.scheduledDays)}`);
    seen.push(label);
  }
  expect(seen).toHaveLength(6);
});

test("left today counts learning steps due later today, so the progress bar only moves forward", async ({ page }) => {
  await signUp(page, "left-today");
  await expect(page.locator("[data-testid=review-session][data-ready]")).toBeVisible();
  const progress = page.getByTestId("progress-text");
  const bar = page.getByRole("progressbar", { name: "Today's progress" });
  await expect(progress).toHaveText("0 done · 20 left today");

  const fractions: number[] = [];
  const grades = ["3", "1", "3", "2", "4", "1"];
  for (const [i, grade] of grades.entries()) {
    const id = await page.getByTestId("review-card").getAttribute("data-card-id");
    await page.keyboard.press("Space");
    await page.keyboard.press(grade);
    await expect(page.getByTestId("review-card")).not.toHaveAttribute("data-card-id", id!);
    await expect(progress).toHaveText(new RegExp(`^${i + 1} done`));
    fractions.push(Number(await bar.getAttribute("aria-valuenow")) / Number(await bar.getAttribute("aria-valuemax")));
  }
  // Again, Hard and Good on a new card keep it in learning (back in minutes): still part of today
  await expect(page.getByTestId("remaining-learning")).toHaveText("5");
  // only Easy (graduated) took a card out of today: 20 - 1
  await expect(progress).toHaveText("6 done · 19 left today");
  for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
});

test.describe("on a phone", () => {
  const phone = devices["Pixel 7"];
  test.use({ viewport: phone.viewport, isMobile: true, hasTouch: true, userAgent: phone.userAgent, deviceScaleFactor: phone.deviceScaleFactor });

  test("the review hides keyboard hints and gives each grade button room for a thumb", async ({ page }) => {
    await signUp(page, "phone-review");
    await expect(page.locator("[data-testid=review-session][data-ready]")).toBeVisible();
    await expect(page.getByTestId("keyboard-hints")).toBeHidden();
    const show = page.getByRole("button", { name: /Show answer/ });
    await expect(show.locator("kbd")).toBeHidden();
    await show.tap();
    const buttons = page.getByRole("group", { name: "Grade your answer" }).getByRole("button");
    await expect(buttons).toHaveCount(4);
    for (const button of await buttons.all()) {
      const box = (await button.boundingBox())!;
      expect(box.height).toBeGreaterThanOrEqual(48);
      expect(box.width).toBeGreaterThanOrEqual(120);
      await expect(button.locator("kbd")).toBeHidden();
    }
    await expect(page.getByRole("button", { name: /^Undo/ }).locator("kbd")).toBeHidden();
  });
});
