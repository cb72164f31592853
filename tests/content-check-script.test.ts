// `npm run content:check` on a fixture folder: warnings are printed and counted, errors fail it.
import { spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { categoriesFile, trickFile } from "./helpers/content-fixtures";

let dir: string;
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function check(files: { path: string; text: string }[]) {
  dir = mkdtempSync(path.join(os.tmpdir(), "trickdeck-content-"));
  for (const f of [categoriesFile, ...files]) {
    mkdirSync(path.dirname(path.join(dir, f.path)), { recursive: true });
    writeFileSync(path.join(dir, f.path), f.text);
  }
  return spawnSync(process.execPath, ["node_modules/tsx/dist/cli.mjs", "scripts/content-check.ts", dir], { encoding: "utf8" });
}

describe("content:check", () => {
  it("passes with warnings, naming file, card and reason, and ends with the count per rule", () => {
    // the fixture trick has no `when` card and no symptoms: two warnings
    const r = check([trickFile()]);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain("warning: tricks/initialization/fan-in-init.md: cards: training trick without a \"when\" card");
    expect(r.stderr).toContain("warning: tricks/initialization/fan-in-init.md: symptoms: training trick without symptoms");
    expect(r.stdout).toContain("Card quality: 2 warning(s): long-answer 0, two-questions 0, no-when-card 1, no-symptoms 1, prompt-gives-away 0.");
  });

  it("still fails on an error", () => {
    const r = check([trickFile({ omit: ["summary"] })]);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain("summary");
  });
});
