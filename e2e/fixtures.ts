import { expect, type Page } from "@playwright/test";

let counter = 0;
export const uniqueEmail = (tag: string) => `${tag}-${Date.now()}-${process.pid}-${counter++}@example.com`;
export const PASSWORD = "correct horse 42";

/** Signs up a brand-new user through the app and lands on the review page. */
export async function signUp(page: Page, tag = "user") {
  const email = uniqueEmail(tag);
  await page.goto("/signup");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Create account" }).click();
  // two argon2 hashes (create, then sign in) on a busy 2-core machine: allow more than 5 s
  await expect(page).toHaveURL(/\/review$/, { timeout: 15_000 });
  return email;
}

export async function saveSettings(page: Page, values: Record<string, string>) {
  await page.goto("/settings");
  for (const [label, value] of Object.entries(values)) await page.getByLabel(label, { exact: true }).fill(value);
  await page.getByRole("button", { name: "Save settings" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Settings saved" })).toBeVisible();
}

export async function signOut(page: Page) {
  await page.getByRole("button", { name: "Sign out", exact: true }).click();
  await expect(page.getByRole("banner").getByRole("link", { name: "Sign in" })).toBeVisible();
}
