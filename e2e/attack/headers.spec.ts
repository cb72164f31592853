// Headers and cookies: security headers on every page response, the session cookie's attributes,
// and no server secret or server-only module in the client bundle.
import { expect, test } from "@playwright/test";
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { SHARED_DB, SHARED_PORT, newClient, signUpHttp } from "../support/app-actions";
import type { RawResponse } from "../support/http";
import { query } from "../support/db-snapshot";
import { makeVictim } from "../support/victim";

/** Problems with one response's security headers; empty when all is well. */
function headerProblems(res: RawResponse): string[] {
  const h = res.headers;
  const problems: string[] = [];
  const csp = String(h["content-security-policy"] ?? "");
  if (!csp) problems.push("no Content-Security-Policy");
  const directives = new Map(csp.split(";").map((d) => d.trim().split(/\s+/)).filter((d) => d[0]).map(([name, ...values]) => [name.toLowerCase(), values]));
  const script = directives.get("script-src") ?? directives.get("default-src") ?? [];
  if (csp && script.length === 0) problems.push("CSP has no script-src or default-src");
  if (script.includes("'unsafe-inline'")) problems.push("script-src allows 'unsafe-inline'");
  if (csp && !script.some((v) => v.startsWith("'nonce-") || v === "'strict-dynamic'")) problems.push("script-src has neither a nonce nor 'strict-dynamic'");
  if (csp && directives.get("frame-ancestors")?.join(" ") !== "'none'") problems.push("CSP lacks frame-ancestors 'none'");
  if (String(h["x-content-type-options"]).toLowerCase() !== "nosniff") problems.push("no X-Content-Type-Options: nosniff");
  if (!h["referrer-policy"]) problems.push("no Referrer-Policy");
  if (!h["permissions-policy"]) problems.push("no Permissions-Policy");
  return problems;
}

test("every page response carries the security headers", async () => {
  const user = await makeVictim(newClient(SHARED_PORT), SHARED_DB, "headers");
  const trick = query<{ slug: string; categorySlug: string }>(SHARED_DB, "SELECT slug, categorySlug FROM Trick WHERE archivedAt IS NULL LIMIT 1")[0];
  const pages = ["/", "/tricks", "/tricks?q=dropout", `/tricks/${trick.slug}`, `/categories/${trick.categorySlug}`, "/signin", "/signup", "/review", "/progress", "/settings", "/quiz", `/quiz/${user.attemptId}`, "/no-such-page"];
  const anonymous = newClient(SHARED_PORT);
  const found: string[] = [];
  for (const client of [user.client, anonymous]) {
    for (const page of pages) {
      const res = await client.get(page);
      expect(res.status, page).toBeLessThan(500);
      for (const p of headerProblems(res)) found.push(`${client === anonymous ? "anonymous" : "signed in"} ${page} (${res.status}): ${p}`);
    }
  }
  expect(found).toEqual([]);
});

test("the session cookie is HttpOnly, SameSite and site-wide", async () => {
  const client = newClient(SHARED_PORT);
  const { response } = await signUpHttp(client, "cookie");
  const cookies = response.headers["set-cookie"] ?? [];
  const session = cookies.find((c) => /^[^=]*session[^=]*=/i.test(c));
  expect(session, `a session cookie among: ${cookies.map((c) => c.split("=")[0]).join(", ")}`).toBeTruthy();
  const attrs = session!.split(";").slice(1).map((a) => a.trim().toLowerCase());
  expect(attrs).toContain("httponly");
  expect(attrs.some((a) => a === "samesite=lax" || a === "samesite=strict"), attrs.join("; ")).toBe(true);
  expect(attrs).toContain("path=/");
  // Secure is for https only; this suite serves http on the loopback, so it is not checked here
});

function jsFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? jsFiles(path.join(dir, e.name)) : e.name.endsWith(".js") ? [path.join(dir, e.name)] : []));
}

test("the client bundle holds no secret and no server-only module", () => {
  const secret = process.env.E2E_AUTH_SECRET;
  expect(secret, "playwright.config.ts gives the test server a known secret").toBeTruthy();
  const needles: [string, RegExp][] = [
    ["the test server's AUTH_SECRET", new RegExp(secret!.replace(/[.*+?^${}()|[\]\\]/g, "\\$&"))],
    ["DATABASE_URL", /DATABASE_URL/],
    ["passwordHash", /passwordHash/],
    ["argon2", /argon2/i],
    ["better-sqlite3", /better-sqlite3/],
    ["a node: module", /["'`]node:[a-z_/]+["'`]/],
  ];
  const files = jsFiles(".next/static");
  expect(files.length).toBeGreaterThan(5);
  const hits: string[] = [];
  for (const file of files) {
    const text = readFileSync(file, "utf8");
    for (const [what, re] of needles) {
      const m = re.exec(text);
      if (m) hits.push(`${file}: ${what} ...${text.slice(Math.max(0, m.index - 60), m.index + 60)}...`);
    }
  }
  expect(hits).toEqual([]);
});
