// Session revocation: a session cookie copied before sign-out must not work after it.
import { expect, test } from "@playwright/test";
import { ActionClient } from "../support/actions-http";
import { SHARED_PORT, asReview, callAction, newClient, signUpHttp } from "../support/app-actions";

test("after sign-out, a replayed copy of the old session cookie gets the signed-out experience", async () => {
  const client = newClient(SHARED_PORT);
  await signUpHttp(client, "revoke");
  const stolen = new ActionClient(SHARED_PORT, client.actions, { jar: client.jar.clone() });
  // the copy works while the session lives
  expect((await stolen.get("/review")).status).toBe(200);
  expect(asReview(await callAction(stolen, "loadReview", []))?.ok).toBe(true);

  const out = await callAction(client, "signOut", {});
  expect(out.status).toBeLessThan(400);
  expect((await client.get("/review")).headers.location ?? "", "the signed-out browser is sent to sign in").toContain("/signin");

  const page = await stolen.get("/review");
  expect(page.status, "the old cookie is a redirect, not the review page").toBeGreaterThanOrEqual(300);
  expect(page.status).toBeLessThan(400);
  expect(page.headers.location ?? "").toContain("/signin");
  const action = asReview(await callAction(stolen, "loadReview", []));
  expect(action?.ok, "an action with the old cookie is refused").toBe(false);
  expect(action?.view ?? null).toBeNull();
});
