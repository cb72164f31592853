import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import { loadCatalogue } from "../lib/content/read-content";
import { contentWords, coveredShare } from "../lib/content/text-overlap";
import { signUp } from "./fixtures";

// Runs against the real catalogue: the first category with at least two symptoms (a Diagnose quiz
// needs tricks that fix other symptoms to offer as wrong answers), found at run time.
const { catalogue } = loadCatalogue(path.resolve("content"));
if (!catalogue) throw new Error("content/ is invalid: run npm run content:check");
const category = catalogue.categories.find((c) => catalogue.tricks.filter((t) => t.category === c.slug).reduce((n, t) => n + t.symptoms.length, 0) >= 2);
const trickWithSymptoms = catalogue.tricks.find((t) => t.category === category?.slug && t.symptoms.length > 0);

/** The choice (0-3) whose trick lists the symptom on screen: the one whose symptom words the prompt covers best. */
function rightChoice(prompt: string, choices: string[]): number {
  const promptWords = contentWords(prompt);
  const fit = (name: string) => Math.max(0, ...(catalogue!.tricks.find((t) => t.name === name)?.symptoms ?? []).map((s) => coveredShare(contentWords(s.text), promptWords)));
  const scores = choices.map(fit);
  return scores.indexOf(Math.max(...scores));
}

async function choicesOf(page: Page) {
  const buttons = page.getByRole("list", { name: "Choices" }).getByRole("button");
  // each button reads "<letter><name>"
  return (await buttons.allTextContents()).map((text) => text.slice(1).trim());
}

test("a trick page lists the symptoms it fixes, with the reason for each", async ({ page }) => {
  test.skip(!trickWithSymptoms, "no content file has symptoms yet");
  await page.goto(`/tricks/${trickWithSymptoms!.slug}`);
  const section = page.getByRole("region", { name: "Symptoms this fixes" });
  await expect(section.getByRole("listitem")).toHaveCount(trickWithSymptoms!.symptoms.length);
  await expect(section).toContainText("Why it helps:");
});

test("a Diagnose quiz, by keyboard: a symptom, four tricks, and feedback for right and wrong answers", async ({ page }) => {
  test.skip(!category, "no category has two symptoms yet");
  await signUp(page, "diagnose");
  await page.goto(`/quiz?category=${category!.slug}`);
  await page.getByRole("radio", { name: /^Diagnose/ }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("checkbox", { name: /Count towards my schedule/ }).focus();
  await page.keyboard.press("Space");
  await page.getByRole("button", { name: "Start quiz" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("heading", { level: 1, name: "Diagnose" })).toBeVisible();
  await expect(page.locator("[data-testid=quiz-runner][data-ready]")).toBeVisible();

  const progress = page.getByTestId("quiz-progress");
  const total = Number((await progress.textContent())!.match(/of (\d+)/)![1]);
  const feedback = page.getByTestId("quiz-feedback");
  for (let i = 0; i < Math.min(total, 3); i++) {
    await expect(progress).toHaveText(`Question ${i + 1} of ${total}`);
    const question = page.getByTestId("quiz-question");
    await expect(question).toContainText("You see this in training:");
    const choices = await choicesOf(page);
    expect(new Set(choices).size).toBe(choices.length);
    const right = rightChoice((await question.locator(".prose-td").first().textContent()) ?? "", choices);
    const answerRight = i !== 1; // the second question is answered wrong on purpose
    const pick = answerRight ? right : (right + 1) % choices.length;
    await page.keyboard.press(answerRight ? String(pick + 1) : "abcd"[pick]); // 1-4 and A-D both pick
    await expect(feedback).toBeVisible();
    if (answerRight) {
      await expect(feedback).toContainText("Right!");
      await expect(feedback).toContainText(`Why ${choices[right]} fits:`);
    } else {
      await expect(feedback).toContainText("Not quite.");
      await expect(feedback).toContainText(`Right answer: ${choices[right]}`);
      await expect(feedback.getByTestId("why-not")).toContainText(`${choices[pick]} addresses`);
    }
    await expect(feedback).toContainText("Counted towards your schedule as");
    await page.keyboard.press("Enter");
  }
});
