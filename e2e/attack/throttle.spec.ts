// The sign-in throttle over HTTP, on two servers of its own: forwarded headers untrusted (the
// default) and trusted for one proxy hop (TRUST_PROXY_HOPS=1). Distinct clients are distinct
// loopback source addresses (127.0.0.x), which the server sees on the socket.
import { expect, test } from "@playwright/test";
import { PASSWORD, newClient, signInHttp, signUpHttp, uniqueEmail } from "../support/app-actions";
import type { ActionResponse } from "../support/actions-http";
import { AppServer } from "../support/servers";

// more attempts than the per-address limit (30 per 15 minutes when this was written)
const ATTEMPTS = 45;
const error = (r: ActionResponse) => String((r.value as { error?: string } | undefined)?.error ?? "");
const throttled = (r: ActionResponse) => /too many|wait|slow down|try again later/i.test(error(r));

async function guess(port: number, localAddress: string, email: string, forwardedFor?: string) {
  const client = newClient(port, { localAddress, headers: forwardedFor ? { "x-forwarded-for": forwardedFor } : {} });
  const res = await signInHttp(client, email, "wrong password 123");
  expect(res.status, error(res)).toBeLessThan(500);
  expect(res.redirect, "a wrong password never signs in").toBeNull();
  return res;
}

test.describe("forwarded headers untrusted (default)", () => {
  const server = new AppServer({ port: 3208, dbFile: "data/attack-throttle-untrusted.db", via: "npm-start" });
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server.removeDb(); // scripts/start.mjs prepares it, as npm start does
    await server.start();
  });
  test.afterAll(async () => server.stop());

  test("a rotating X-Forwarded-For does not get past the per-address limit", async () => {
    const results: ActionResponse[] = [];
    for (let i = 0; i < ATTEMPTS; i++) results.push(await guess(3208, "127.0.0.5", uniqueEmail("flood"), `198.51.100.${i + 1}`));
    expect(results.filter(throttled).length, "attempts refused by the per-address limit").toBeGreaterThan(0);
  });

  test("wrong passwords from one address do not lock the owner out from another", async () => {
    const owner = newClient(3208, { localAddress: "127.0.0.6" });
    const { email } = await signUpHttp(owner, "owner");
    const mark = server.mark();
    for (let i = 0; i < 6; i++) await guess(3208, "127.0.0.7", email);
    // a wrong password is not an error: at most one line in the server log each, no stack trace
    await new Promise((r) => setTimeout(r, 300)); // let the server's output arrive
    const logged = server.since(mark).split("\n").filter((l) => l.trim() !== "");
    expect(logged.length, logged.join("\n")).toBeLessThanOrEqual(6);
    expect(logged.join("\n")).not.toMatch(/CredentialsSignin|\n\s+at |\[auth\]\[error\]/);
    const res = await signInHttp(newClient(3208, { localAddress: "127.0.0.8" }), email, PASSWORD);
    expect(res.redirect, `the owner signs in: ${error(res)}`).toContain("/review");
  });
});

test.describe("forwarded headers trusted for one hop (TRUST_PROXY_HOPS=1)", () => {
  const server = new AppServer({ port: 3209, dbFile: "data/attack-throttle-trusted.db", via: "npm-start", env: { TRUST_PROXY_HOPS: "1" } });
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    server.removeDb(); // scripts/start.mjs prepares it, as npm start does
    await server.start();
  });
  test.afterAll(async () => server.stop());

  test("the limit applies per forwarded address", async () => {
    // one proxy (this socket) forwards one client; what the client put further left is not trusted
    const results: ActionResponse[] = [];
    for (let i = 0; i < ATTEMPTS; i++) results.push(await guess(3209, "127.0.0.9", uniqueEmail("proxied"), `10.${i}.0.1, 203.0.113.7`));
    expect(results.filter(throttled).length, "attempts from 203.0.113.7 refused by the per-address limit").toBeGreaterThan(0);
    // another client behind the same proxy is not affected
    const other = await guess(3209, "127.0.0.9", uniqueEmail("proxied"), "203.0.113.8");
    expect(throttled(other), error(other)).toBe(false);
    expect(error(other)).toMatch(/wrong email or password/i);
  });
});
