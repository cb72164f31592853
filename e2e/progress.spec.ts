import { readFileSync } from "node:fs";
import Database from "better-sqlite3";
import { parse } from "yaml";
import { expect, test } from "@playwright/test";
import { DEFAULT_SETTINGS } from "../lib/srs/settings";
import { insertHistory } from "../scripts/history/insert-history";
import { signUp } from "./fixtures";

const DAY = 86_400_000;

test("a new user gets an empty state that says what to do", { tag: "@postgres" }, async ({ page }) => {
  await signUp(page, "progress-empty");
  await page.goto("/progress");
  await expect(page.getByTestId("progress-empty")).toContainText("Nothing studied yet");
  const categories = (parse(readFileSync("content/categories.yaml", "utf8")) as { categories: unknown[] }).categories.length;
  await expect(page.getByTestId("mastery-tile")).toHaveCount(categories);
  await expect(page.getByTestId("streak-current")).toHaveText("0");
});

test("setting the daily goal on the page shows the new goal at once, and it is kept", { tag: "@postgres" }, async ({ page }) => {
  await signUp(page, "progress-goal");
  await page.goto("/progress");
  await expect(page.getByTestId("goal-text")).toHaveText("0 / 30 cards");
  await page.getByLabel("Daily goal", { exact: true }).and(page.locator("input")).fill("12");
  await page.getByRole("button", { name: "Set" }).click();
  // the action's reply re-renders the page: the goal must come from the saved settings
  await expect(page.getByTestId("goal-text")).toHaveText("0 / 12 cards");
  await expect(page.getByRole("progressbar", { name: "Daily goal" })).toHaveAttribute("aria-valuemax", "12");
  await page.reload();
  await expect(page.getByTestId("goal-text")).toHaveText("0 / 12 cards");
  await page.goto("/");
  await expect(page.getByRole("progressbar", { name: "Daily goal" })).toHaveAttribute("aria-valuemax", "12");
});

test("after a scripted history, the heatmap, streak, forecast and mastery show the expected numbers", async ({ page }) => {
  const email = await signUp(page, "progress");

  // a history at controlled times, computed with the real scheduler, written to the app's database
  const now = Date.now();
  const midnight = Math.floor(now / DAY) * DAY;
  const todayAt = new Date(Math.max(midnight + 1000, now - 60_000));
  const dayKey = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  const db = new Database("data/e2e.db");
  const user = db.prepare("SELECT id FROM User WHERE email = ?").get(email) as { id: string };
  db.prepare("UPDATE UserSettings SET timeZone = 'UTC', dayStartHour = 0 WHERE userId = ?").run(user.id);
  const cards = (db.prepare("SELECT id FROM Card WHERE trickSlug = 'batch-norm-folding' AND archivedAt IS NULL ORDER BY position").all() as { id: string }[]).map((c) => c.id);
  const settings = { ...DEFAULT_SETTINGS, timeZone: "UTC", dayStartHour: 0, enableFuzz: false };
  insertHistory(
    db,
    user.id,
    [
      { cardId: cards[0], reviews: [{ rating: 4, at: new Date(midnight - 2 * DAY + 3_600_000) }, { rating: 3, at: new Date(midnight - DAY + 3_600_000) }] },
      { cardId: cards[1], reviews: [{ rating: 4, at: new Date(midnight - 2 * DAY + 7_200_000) }] },
      { cardId: cards[2], reviews: [{ rating: 4, at: todayAt }] },
      { cardId: cards[3], reviews: [{ rating: 1, at: todayAt }] },
    ],
    settings,
  );
  const states = db.prepare("SELECT due, state FROM CardState WHERE userId = ?").all(user.id) as { due: string; state: number }[];
  db.close();

  await page.goto("/progress");
  const heat = page.getByTestId("heatmap");
  await expect(heat.locator(`[data-day="${dayKey(midnight - 2 * DAY)}"]`)).toHaveAttribute("data-count", "2");
  await expect(heat.locator(`[data-day="${dayKey(midnight - DAY)}"]`)).toHaveAttribute("data-count", "1");
  await expect(heat.locator(`[data-day="${dayKey(midnight)}"]`)).toHaveAttribute("data-count", "2");
  await expect(page.getByTestId("streak-current")).toHaveText("3");
  await expect(page.getByTestId("goal-text")).toHaveText("2 / 30 cards");

  // forecast: each card state counted on its due day (overdue ones today)
  const expected = new Map<string, number>();
  for (const s of states) {
    const key = Date.parse(s.due) < midnight ? dayKey(midnight) : dayKey(Date.parse(s.due));
    expected.set(key, (expected.get(key) ?? 0) + 1);
  }
  const bars = page.getByTestId("forecast").locator("rect[data-day]");
  await expect(bars).toHaveCount(30);
  for (const [key, count] of expected) {
    if (key < dayKey(midnight + 30 * DAY)) await expect(page.getByTestId("forecast").locator(`[data-day="${key}"]`)).toHaveAttribute("data-count", String(count));
  }

  const learning = states.filter((s) => s.state === 1 || s.state === 3).length;
  const young = states.filter((s) => s.state === 2).length;
  const tile = page.locator('[data-testid=mastery-tile][data-category="network-compression"]');
  await expect(tile.getByTestId("mastery-counts")).toHaveText(`${cards.length - 4} new · ${learning} learning · ${young} young · 0 mature`);
  await expect(page.getByTestId("trick-table")).toContainText("Batch-norm folding");
});

test("reviews graded in the app show on the progress page", { tag: "@postgres" }, async ({ page }) => {
  await signUp(page, "progress-live");
  await page.goto("/review");
  await expect(page.locator("[data-testid=review-session][data-ready]")).toBeVisible();
  const card = page.getByTestId("review-card");
  for (let i = 1; i <= 2; i++) {
    const id = await card.getAttribute("data-card-id");
    await page.keyboard.press("Space");
    await expect(page.getByTestId("answer")).toBeVisible();
    await page.keyboard.press("3");
    await expect(card).not.toHaveAttribute("data-card-id", id!);
  }
  await page.goto("/progress");
  await expect(page.getByTestId("goal-text")).toHaveText("2 / 30 cards");
  await expect(page.getByTestId("streak-current")).toHaveText("1");
  await expect(page.getByTestId("progress-empty")).toHaveCount(0);
});
