// npm run test:e2e — finds a Chromium for Playwright, then runs the end-to-end suite against a
// production build on a throwaway SQLite database. Order of preference:
//   1. PLAYWRIGHT_CHROMIUM_PATH, 2. a system Chromium (/usr/bin/chromium and friends),
//   3. Playwright's own browser, installed with `npx playwright install chromium` if missing.
import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";

const candidates = [
  process.env.PLAYWRIGHT_CHROMIUM_PATH,
  "/usr/bin/chromium",
  "/usr/bin/chromium-browser",
  "/usr/bin/google-chrome",
  "/usr/bin/google-chrome-stable",
].filter(Boolean);

let executable = candidates.find((p) => existsSync(p));
const env = { ...process.env };

if (executable) {
  env.PLAYWRIGHT_CHROMIUM_PATH = executable;
} else {
  console.log("No system Chromium found; trying Playwright's own browser (npx playwright install chromium)...");
  const install = spawnSync("npx", ["playwright", "install", "chromium"], { stdio: "inherit" });
  if (install.status !== 0) {
    console.error(
      "\nEnd-to-end tests need Chromium and none could be found or installed.\n" +
        "Install one and run again, for example:\n" +
        "  Debian/Ubuntu: sudo apt-get install -y chromium\n" +
        "  or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium/Chrome executable.\n",
    );
    process.exit(1);
  }
}

const r = spawnSync("npx", ["playwright", "test", ...process.argv.slice(2)], { stdio: "inherit", env });
process.exit(r.status ?? 1);
