// axe-core on every page, in light and dark mode, at desktop and phone size: zero violations.
// Runs axe's default rule set (WCAG 2.x A/AA plus best practices such as heading order and
// keyboard-reachable scroll regions).
import AxeBuilder from "@axe-core/playwright";
import { devices, expect, test, type Page } from "@playwright/test";
import { signUp } from "./fixtures";

// Sign-in attempts are limited per client address (30 in 15 minutes), and every sign-up signs in:
// this file's users come from their own (documentation-range) address, so the whole suite stays
// under the limit the throttle test relies on.
test.use({ extraHTTPHeaders: { "X-Forwarded-For": "203.0.113.10" } });

const PHONE = devices["Pixel 7"];
const LAYOUTS = [
  { name: "desktop", use: { viewport: { width: 1280, height: 800 } } },
  { name: "phone", use: { viewport: PHONE.viewport, deviceScaleFactor: PHONE.deviceScaleFactor, isMobile: true, hasTouch: true, userAgent: PHONE.userAgent } },
] as const;
const SCHEMES = ["light", "dark"] as const;

/** Every violation as one readable line: rule, impact, where, what. */
async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations.flatMap((v) => v.nodes.map((n) => `${v.id} (${v.impact}): ${n.target.join(" ")} :: ${n.failureSummary?.split("\n").slice(0, 2).join(" ")}`));
}

async function expectClean(page: Page, label: string, scheme: string) {
  // the theme follows the system until the user picks one: check the page really is in that scheme
  await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /dark/ : /^(?!.*dark)/);
  await page.waitForLoadState("networkidle");
  expect(await violations(page), `${label} (${scheme})`).toEqual([]);
}

for (const layout of LAYOUTS) {
  for (const scheme of SCHEMES) {
    test.describe(`axe, ${layout.name}, ${scheme}`, () => {
      test.use({ ...layout.use, colorScheme: scheme });

      test("signed-out pages", async ({ page }) => {
        test.setTimeout(test.info().timeout * 3); // eight pages, each checked by axe
        for (const path of ["/", "/tricks", "/tricks?q=batch%20norm", "/tricks/fan-in-uniform-init", "/categories/initialization", "/signin", "/signup", "/no-such-page"]) {
          await page.goto(path);
          await expectClean(page, path, scheme);
        }
      });

      test("signed-in pages: review, home, quiz, progress with data, settings", async ({ page }) => {
        test.setTimeout(test.info().timeout * 3); // many pages, each checked by axe
        await signUp(page, `axe-${layout.name}-${scheme}`);
        await expect(page.locator("[data-testid=review-session][data-ready]")).toBeVisible();
        await expectClean(page, "/review (question)", scheme);
        await page.getByRole("button", { name: /Show answer/ }).click();
        await expect(page.getByTestId("answer")).toBeVisible();
        await expectClean(page, "/review (answer and grade buttons)", scheme);
        // a few reviews so that home and progress have data
        for (const grade of ["Easy", "Good", "Again", "Easy"]) {
          const card = page.getByTestId("review-card");
          const id = await card.getAttribute("data-card-id");
          if (!(await page.getByTestId("answer").isVisible())) await page.getByRole("button", { name: /Show answer/ }).click();
          await page.getByRole("button", { name: new RegExp(`^${grade}`) }).click();
          await expect(card).not.toHaveAttribute("data-card-id", id!);
        }

        await page.goto("/");
        await expect(page.getByTestId("home-due")).toBeVisible();
        await expectClean(page, "/ (signed in)", scheme);

        await page.goto("/progress");
        await expect(page.getByTestId("mastery-tile").first()).toBeVisible();
        for (const summary of await page.locator("details > summary").all()) await summary.click(); // open every "as a table"
        await expectClean(page, "/progress", scheme);

        await page.goto("/settings");
        await expectClean(page, "/settings", scheme);

        await page.goto("/quiz?category=initialization");
        await expect(page.getByTestId("quiz-shortfall")).toBeVisible();
        await expectClean(page, "/quiz (with the short-pool notice)", scheme);
        await page.getByRole("button", { name: "Start quiz" }).click();
        await expect(page.locator("[data-testid=quiz-runner][data-ready]")).toBeVisible();
        await expectClean(page, "a quiz in progress", scheme);
        await page.keyboard.press("1");
        await expect(page.getByTestId("quiz-feedback")).toBeVisible();
        await expectClean(page, "a quiz answer's feedback", scheme);
      });
    });
  }
}
