import { readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { expect, test, type Page } from "@playwright/test";
import { DEFAULT_SETTINGS } from "../lib/srs/settings";
import { insertHistory, type PlannedCard } from "../scripts/history/insert-history";
import { simulateLearner } from "../scripts/history/simulate-learner";
import { signUp } from "./fixtures";

/** Writes a simulated year of reviews (a few thousand, on 400 real cards) for the user. */
function seedHistory(email: string) {
  const db = new Database("data/e2e.db");
  try {
    const user = db.prepare("SELECT id FROM User WHERE email = ?").get(email) as { id: string };
    db.prepare("UPDATE UserSettings SET timeZone = 'UTC', dayStartHour = 0 WHERE userId = ?").run(user.id);
    const cards = (db.prepare("SELECT id FROM Card WHERE archivedAt IS NULL ORDER BY id LIMIT 400").all() as { id: string }[]).map((c) => c.id);
    const plan = new Map<string, PlannedCard>();
    for (const l of simulateLearner({ cards: 400, days: 300, seed: 3 })) {
      const cardId = cards[Number(l.cardId.slice(4))];
      const entry = plan.get(cardId) ?? { cardId, reviews: [] };
      entry.reviews.push({ rating: l.rating as 1 | 2 | 3 | 4, at: new Date(l.review.getTime() - 400 * 86_400_000 + (Date.now() - Date.UTC(2025, 0, 1))) });
      plan.set(cardId, entry);
    }
    return insertHistory(db, user.id, [...plan.values()], { ...DEFAULT_SETTINGS, timeZone: "UTC", dayStartHour: 0 }).logs;
  } finally {
    db.close();
  }
}

function counts(email: string) {
  const db = new Database("data/e2e.db", { readonly: true });
  try {
    const user = db.prepare("SELECT id FROM User WHERE email = ?").get(email) as { id: string } | undefined;
    if (!user) return null;
    const n = (table: string) => (db.prepare(`SELECT count(*) AS n FROM ${table} WHERE userId = ?`).get(user.id) as { n: number }).n;
    const weights = (db.prepare("SELECT fsrsWeights FROM UserSettings WHERE userId = ?").get(user.id) as { fsrsWeights: string | null }).fsrsWeights;
    return { logs: n("ReviewLog"), states: n("CardState"), jobs: n("OptimizerJob"), weights };
  } finally {
    db.close();
  }
}

const download = async (page: Page, name: string) => {
  const [file] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name }).click()]);
  return { name: file.suggestedFilename(), text: readFileSync((await file.path())!, "utf8") };
};

test("optimise with progress, compare, adopt; export; import into another account; delete", async ({ page }) => {
  test.setTimeout(120_000);
  const email = await signUp(page, "dataio");
  const logs = seedHistory(email);

  // optimise: the job is queued, its progress shows, then both sets of figures side by side
  await page.goto("/settings");
  await expect(page.getByTestId("current-parameters")).toContainText("FSRS default parameters");
  await expect(page.getByTestId("optimal-retention")).toContainText(/Desired retention: 0\.90\. Optimal retention for the default parameters: 0\.[789]\d\./);
  await page.getByRole("button", { name: "Optimise my parameters" }).click();
  await expect(page.getByTestId("optimizer-progress")).toBeVisible();
  await expect(page.getByRole("button", { name: "Save settings" })).toBeEnabled(); // the page stays usable
  await expect(page.getByTestId("metrics-table")).toBeVisible({ timeout: 60_000 });
  const figure = async (id: string) => Number(await page.getByTestId(id).textContent());
  expect(await figure("fitted-logLoss")).toBeLessThan(await figure("current-logLoss"));

  // adopt, with the reschedule running as a second background job
  await page.getByRole("button", { name: "Adopt the new parameters" }).click();
  await expect(page.getByRole("status").filter({ hasText: "New parameters adopted" })).toBeVisible();
  await expect(page.getByTestId("current-parameters")).toContainText(/Your own parameters, fitted on .* from \d+ reviews/, { timeout: 60_000 });
  await expect(page.getByTestId("optimizer-progress")).toHaveCount(0, { timeout: 60_000 });
  expect(counts(email)).toMatchObject({ logs, jobs: 2 });
  expect(JSON.parse(counts(email)!.weights!)).toHaveLength(21);

  // the optimal retention for the adopted parameters; "Use it" makes it the desired retention
  const optimal = (await page.getByTestId("optimal-retention-value").textContent())!;
  await page.getByTestId("optimal-retention").getByRole("button", { name: "Use it" }).click();
  await expect(page.getByRole("status").filter({ hasText: `Desired retention set to ${optimal}` })).toBeVisible();
  await expect(page.getByLabel("Desired retention")).toHaveValue(String(Number(optimal)));

  // export: three downloads, each named and in its format
  const csv = await download(page, "Review log (CSV)");
  expect(csv.name).toMatch(/^trickdeck-reviews-\d{4}-\d{2}-\d{2}\.csv$/);
  expect(csv.text.split("\n")[0]).toBe("card_id,review_time,review_rating,review_state,review_duration");
  expect(csv.text.trim().split("\n")).toHaveLength(logs + 1);
  const anki = await download(page, "Deck for Anki (text)");
  expect(anki.text.startsWith("#separator:tab\n#html:true\n")).toBe(true);
  const backup = await download(page, "Full backup (JSON)");
  const json = JSON.parse(backup.text);
  expect(json).toMatchObject({ format: "trickdeck-backup", version: 1 });
  const file = path.join(os.tmpdir(), `backup-${Date.now()}.json`);
  writeFileSync(file, backup.text);

  // import into a second account: a corrupted file first (changes nothing), then the real one, twice
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  const other = await signUp(page, "dataio-import");
  await page.goto("/settings");
  const broken = path.join(os.tmpdir(), `broken-${Date.now()}.json`);
  json.reviewLogs[5].rating = 9;
  writeFileSync(broken, JSON.stringify(json));
  await page.getByLabel(/Import a backup/).setInputFiles(broken);
  await page.getByRole("button", { name: "Import backup" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "reviewLogs[5]" })).toContainText("Nothing was changed", { timeout: 30_000 });
  expect(counts(other)).toMatchObject({ logs: 0, states: 0 });
  await page.getByLabel(/Import a backup/).setInputFiles(file);
  await page.getByRole("button", { name: "Import backup" }).click();
  await expect(page.getByTestId("import-result")).toContainText(`Imported: ${logs} reviews added (0 already here)`, { timeout: 30_000 });
  expect(counts(other)).toMatchObject({ logs, states: counts(email)!.states });
  await page.getByRole("button", { name: "Import backup" }).click();
  await expect(page.getByTestId("import-result")).toContainText(`Imported: 0 reviews added (${logs} already here)`, { timeout: 30_000 });

  // delete: a wrong confirmation is refused, the right one removes the account and signs out
  await page.getByLabel(/Type your email/).fill("someone@example.com");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByText("Type your email address exactly as shown")).toBeVisible();
  expect(counts(other)).not.toBeNull();
  await page.getByLabel(/Type your email/).fill(other);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
  expect(counts(other)).toBeNull();
  expect(counts(email)).toMatchObject({ logs });
});
