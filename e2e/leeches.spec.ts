import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { DEFAULT_SETTINGS } from "../lib/srs/settings";
import { insertHistory } from "../scripts/history/insert-history";
import { scheduleOf } from "./db";
import { PASSWORD, saveSettings, uniqueEmail } from "./fixtures";

const DAY = 86_400_000;

/** signUp from fixtures, with room for a cold server on a loaded machine (the first hash and render). */
async function signUpPatiently(page: Page, tag: string) {
  const email = uniqueEmail(tag);
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/review$/, { timeout: 30_000 });
  return email;
}

test.setTimeout(120_000);

test("a card becomes a leech through the UI, is shown with 'Re-read the trick', listed on /progress, and Z undoes three grades across a reload", async ({ page }) => {
  const email = await signUpPatiently(page, "leech");
  await saveSettings(page, { "Leech threshold (lapses)": "2", "New cards per day": "0" });

  // three cards with one lapse each, in review and due now: a history computed with ts-fsrs
  const db = new Database("data/e2e.db");
  const user = db.prepare("SELECT id FROM User WHERE email = ?").get(email) as { id: string };
  const cards = (db.prepare("SELECT id FROM Card WHERE trickSlug = 'batch-norm-folding' AND archivedAt IS NULL ORDER BY position LIMIT 3").all() as { id: string }[]).map((c) => c.id);
  const start = Date.now() - 40 * DAY;
  insertHistory(
    db,
    user.id,
    cards.map((cardId) => ({
      cardId,
      reviews: [
        { rating: 4, at: new Date(start) },
        { rating: 1, at: new Date(start + 10 * DAY) },
        { rating: 3, at: new Date(start + 10 * DAY + 15 * 60_000) },
      ],
    })),
    { ...DEFAULT_SETTINGS, enableFuzz: false },
  );
  db.close();
  expect((await scheduleOf(email)).reviewLogs).toBe(9);

  await page.goto("/review");
  await expect(page.locator("[data-testid=review-session][data-ready]")).toBeVisible();
  const card = page.getByTestId("review-card");
  const leechId = await card.getAttribute("data-card-id");

  // Again on a card with one lapse: the second lapse makes it a leech (threshold 2)
  await page.keyboard.press("Space");
  await page.keyboard.press("1");
  const notice = page.getByTestId("leech-notice");
  await expect(notice).toHaveAttribute("data-kind", "leech");
  await expect(notice).toContainText("This card is a leech: you have forgotten it 2 times.");

  // "Re-read the trick" opens the trick page at the card's section
  const [trickPage] = await Promise.all([page.context().waitForEvent("page"), notice.getByRole("link", { name: "Re-read the trick" }).click()]);
  await trickPage.waitForLoadState();
  expect(new URL(trickPage.url()).pathname).toBe("/tricks/batch-norm-folding");
  await expect(trickPage.getByRole("heading", { name: "What it is" })).toBeVisible();
  await trickPage.close();
  // back on the review tab, focus leaves the link (Space on a focused link is the link's, not the review's)
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  // two more grades: Good on the other two cards
  for (let i = 0; i < 2; i++) {
    const id = await card.getAttribute("data-card-id");
    await page.keyboard.press("Space");
    await page.keyboard.press("3");
    await expect(card.or(page.getByTestId("session-summary"))).toBeVisible();
    if (await card.isVisible()) await expect(card).not.toHaveAttribute("data-card-id", id!);
  }
  expect((await scheduleOf(email)).reviewLogs).toBe(12);

  // on /progress: listed as a leech, and its trick marked in the table
  await page.goto("/progress");
  const list = page.getByTestId("leech-list");
  await expect(list.locator(`[data-card-id="${leechId}"]`)).toContainText("2 lapses");
  await expect(page.getByTestId("trick-table").getByTestId("leech-badge")).toHaveCount(1);

  // Z walks back: one undo, then a reload, then two more
  await page.goto("/review");
  await expect(page.locator("[data-testid=review-session][data-ready]")).toBeVisible();
  const undo = page.getByRole("button", { name: /Undo/ });
  await expect(undo).toBeEnabled();
  await page.keyboard.press("z");
  await expect(page.getByTestId("review-message")).toHaveText("Undone: the card is back as it was.");
  await expect.poll(async () => (await scheduleOf(email)).reviewLogs).toBe(11);

  await page.reload();
  await expect(page.locator("[data-testid=review-session][data-ready]")).toBeVisible();
  for (const left of [10, 9]) {
    await expect(undo).toBeEnabled();
    await page.keyboard.press("z");
    await expect.poll(async () => (await scheduleOf(email)).reviewLogs).toBe(left);
  }
  // the last undo took back the grade that made the leech: shown again, and no longer a leech
  await expect(card).toHaveAttribute("data-card-id", leechId!);
  await expect(undo).toBeDisabled();
  await page.goto("/progress");
  await expect(page.getByRole("heading", { name: "Leeches (0)" })).toBeVisible();
  await expect(page.getByTestId("leech-badge")).toHaveCount(0);
});
