import { expect, test, type Page } from "@playwright/test";
import { scheduleOf } from "./db";
import { signUp } from "./fixtures";

/** Starts a multiple-choice quiz on one category and answers every question with the keyboard. */
async function keyboardQuiz(page: Page, category: string, count: boolean) {
  await page.goto("/quiz");
  await page.getByRole("checkbox", { name: new RegExp(`^${category} \\(`) }).check();
  await page.getByRole("radio", { name: "Multiple choice" }).check();
  if (count) await page.getByRole("checkbox", { name: /Count towards my schedule/ }).check();
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.locator("[data-testid=quiz-runner][data-ready]")).toBeVisible();

  const progress = page.getByTestId("quiz-progress");
  const total = Number((await progress.textContent())!.match(/of (\d+)/)![1]);
  for (let i = 0; i < total; i++) {
    await expect(progress).toHaveText(`Question ${i + 1} of ${total}`);
    await page.keyboard.press(i % 2 === 0 ? "1" : "b"); // 1-4 and A-D both pick a choice
    await expect(page.getByTestId("quiz-feedback")).toBeVisible();
    await page.keyboard.press("Enter");
  }
  await expect(page.getByTestId("quiz-results")).toBeVisible();
  return total;
}

test("a multiple-choice quiz on one category, by keyboard, leaves the schedule alone unless it counts", { tag: "@postgres" }, async ({ page }) => {
  const email = await signUp(page, "quiz");

  const total = await keyboardQuiz(page, "Network architecture", false);
  expect(total).toBe(3);
  await expect(page.getByTestId("quiz-score")).toHaveText(/^\d \/ 3$/);
  await expect(page.getByRole("table", { name: "Score per category" })).toContainText("Network architecture");
  expect(await scheduleOf(email)).toEqual({ cardStates: 0, reviewLogs: 0, quizLogs: 0 });

  await keyboardQuiz(page, "Network architecture", true);
  expect(await scheduleOf(email)).toEqual({ cardStates: 3, reviewLogs: 3, quizLogs: 3 });
});

test("a quiz resumes after a reload, and its page is private", async ({ page, browser }) => {
  await signUp(page, "resume");
  await page.goto("/quiz");
  await page.getByRole("checkbox", { name: /^Regularization \(/ }).check();
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByTestId("quiz-progress")).toHaveText("Question 1 of 2");
  await expect(page.locator("[data-testid=quiz-runner][data-ready]")).toBeVisible();
  await page.keyboard.press("1");
  await expect(page.getByTestId("quiz-feedback")).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("quiz-progress")).toHaveText("Question 2 of 2");
  const url = page.url();
  await page.reload();
  await expect(page.getByTestId("quiz-progress")).toHaveText("Question 2 of 2");

  const other = await browser.newPage();
  await signUp(other, "intruder");
  const response = await other.goto(url);
  expect(response?.status()).toBe(404);
  await other.close();
});

test("typed recall accepts the name in other case and spacing", async ({ page }) => {
  await signUp(page, "typed");
  await page.goto("/quiz");
  await page.getByRole("checkbox", { name: /^Network compression \(/ }).check();
  await page.getByRole("radio", { name: "Typed recall" }).check();
  await page.getByRole("button", { name: "Start quiz" }).click();
  await page.getByRole("textbox", { name: "Name of the trick" }).fill("BN  folding");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("quiz-feedback")).toContainText("Right!");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("quiz-score")).toHaveText("1 / 1");
});

test("starting a quiz without a category explains what is missing", async ({ page }) => {
  await signUp(page, "empty");
  await page.goto("/quiz");
  await page.getByRole("button", { name: "Start quiz" }).click();
  await expect(page.getByText("Pick at least one category")).toBeVisible();
});
