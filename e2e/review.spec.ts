import { expect, test } from "@playwright/test";
import { PASSWORD, saveSettings, signOut, signUp } from "./fixtures";

test("a new user signs up and does a full daily session with the keyboard only", { tag: "@postgres" }, async ({ page }) => {
  await signUp(page, "review");
  await saveSettings(page, { "New cards per day": "10" });
  await page.goto("/review");
  await expect(page.locator("[data-testid=review-session][data-ready]")).toBeVisible();

  const card = page.getByTestId("review-card");
  const progress = page.getByTestId("progress-text");
  await expect(progress).toHaveText("0 done · 10 left today");

  for (let i = 1; i <= 10; i++) {
    const id = await card.getAttribute("data-card-id");
    await page.keyboard.press("Space");
    await expect(page.getByTestId("answer")).toBeVisible();
    await page.keyboard.press("4"); // Easy: graduates a new card straight to review
    if (i < 10) await expect(card).not.toHaveAttribute("data-card-id", id!);
    await expect(progress).toHaveText(`${i} done · ${10 - i} left today`);
  }
  await expect(page.getByTestId("session-summary")).toBeVisible();
  await expect(page.getByTestId("summary-reviewed")).toHaveText("10");

  // undo the last grade: that card comes back, exactly one review fewer
  await page.keyboard.press("z");
  await expect(card).toBeVisible();
  await expect(progress).toHaveText("9 done · 1 left today");
  await expect(page.getByTestId("review-message")).toHaveText("Undone: the card is back as it was.");
  await page.keyboard.press("Space");
  await page.keyboard.press("4");
  await expect(page.getByTestId("summary-reviewed")).toHaveText("10");
  await expect(page.getByTestId("session-summary")).toContainText("Due tomorrow");
});

test("the grade buttons show intervals from the user's settings", async ({ page }) => {
  await signUp(page, "intervals");
  await page.getByRole("button", { name: /Show answer/ }).click();
  await expect(page.getByTestId("interval-1")).toContainText("1m");
  await expect(page.getByTestId("interval-3")).toContainText("10m");

  await saveSettings(page, { "Learning steps": "3m 30m" });
  await page.goto("/review");
  await expect(page.locator("[data-testid=review-session][data-ready]")).toBeVisible();
  await page.keyboard.press("Space");
  await expect(page.getByTestId("interval-1")).toContainText("3m");
  await expect(page.getByTestId("interval-3")).toContainText("30m");
});

test("invalid settings are refused with the reason and change nothing", async ({ page }) => {
  await signUp(page, "settings");
  await page.goto("/settings");
  await page.getByLabel("Desired retention").fill("0.5");
  await page.getByLabel("Learning steps", { exact: true }).fill("soon");
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByText("Nothing was saved: fix the fields marked below.")).toBeVisible();
  await expect(page.getByText("Desired retention must be between 0.70 and 0.99")).toBeVisible();
  await expect(page.getByText(/Learning steps: use up to 10 durations/)).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Desired retention")).toHaveValue("0.9");
});

test("a wrong password is refused without saying which part was wrong", async ({ page }) => {
  const email = await signUp(page, "password");
  await signOut(page);
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("wrong password 1");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/review$/);
});

test("sign-up explains a taken email and a weak password", async ({ page }) => {
  const email = await signUp(page, "taken");
  await signOut(page);
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill("short");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByText("Password too weak: use at least 10 characters, including a letter and a digit", { exact: true })).toBeVisible();
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.locator("#field-email-error")).toHaveText("An account with this email already exists. Sign in instead.");
});

test("review and settings need a session", async ({ page }) => {
  await page.goto("/review");
  await expect(page).toHaveURL(/\/signin\?next=%2Freview$/);
  await page.goto("/settings");
  await expect(page).toHaveURL(/\/signin\?next=%2Fsettings$/);
});

test("sign-in is throttled per email and address after repeated failures, even with the right password", async ({ page }) => {
  const email = await signUp(page, "throttle");
  await signOut(page);
  await page.goto("/signin");
  for (let i = 0; i < 5; i++) {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill(`wrong password ${i}`);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByText("Wrong email or password.")).toBeVisible();
  }
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Too many sign-in attempts from your network for this account. Wait 15 minutes, then try again.")).toBeVisible();
  await expect(page).toHaveURL(/\/signin/);
});

test("a suspended card is listed in settings and can be brought back; the trick page shows the user's standing", async ({ page }) => {
  await signUp(page, "suspend");
  await expect(page.locator("[data-testid=review-session][data-ready]")).toBeVisible();
  const card = page.getByTestId("review-card");
  const first = await card.getAttribute("data-card-id");
  await page.keyboard.press("s");
  await expect(page.getByTestId("review-message")).toContainText("Card suspended");
  await expect(card).not.toHaveAttribute("data-card-id", first!);

  // grade the next card, then look at its trick page
  const second = (await card.getAttribute("data-card-id"))!;
  await page.keyboard.press("Space");
  await page.keyboard.press("4");
  await expect(page.getByTestId("progress-text")).toHaveText(/^1 done/);
  await page.goto(`/tricks/${second.split("/")[0]}`);
  await expect(page.getByTestId("trick-progress")).toContainText("You have studied 1 of");
  await expect(page.getByTestId("card-standing").filter({ hasText: "young" })).toHaveCount(1);

  await page.goto("/settings");
  const list = page.getByTestId("suspended-list");
  await expect(list.getByRole("listitem")).toHaveCount(1);
  await list.getByRole("button", { name: "Unsuspend" }).click();
  await expect(page.getByText("None. Press S during a review")).toBeVisible();
});

test("a grade is answered without re-issuing the session cookie (the session is decoded, not re-signed)", async ({ page }) => {
  await signUp(page, "cookie");
  await page.goto("/review");
  await expect(page.locator("[data-testid=review-session][data-ready]")).toBeVisible();
  const card = page.getByTestId("review-card");
  const id = await card.getAttribute("data-card-id");
  const graded = page.waitForResponse((r) => r.request().method() === "POST" && !!r.request().headers()["next-action"]);
  await page.keyboard.press("Space");
  await page.keyboard.press("3");
  const response = await graded;
  expect(response.status()).toBe(200);
  await expect(card).not.toHaveAttribute("data-card-id", id!);
  expect(await response.headerValue("set-cookie")).toBeNull();
  // still signed in afterwards: the unchanged cookie keeps working
  await page.goto("/review");
  await expect(page.locator("[data-testid=review-session][data-ready]")).toBeVisible();
});
