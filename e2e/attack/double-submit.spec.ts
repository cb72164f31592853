// Double submit: 50 identical grade requests in flight at once apply exactly once, for a card's
// first review (two inserts race on the unique (user, card) row) and for a later one (the version).
import { expect, test } from "@playwright/test";
import { SHARED_DB, SHARED_PORT, asReview, callAction, newClient, signUpHttp } from "../support/app-actions";
import { query, userIdOf } from "../support/db-snapshot";

test("50 identical concurrent grades apply exactly once", async () => {
  const client = newClient(SHARED_PORT);
  const { email } = await signUpHttp(client, "double");
  const userId = userIdOf(SHARED_DB, email);
  const card = asReview(await callAction(client, "loadReview", []))!.view!.card!;
  const logs = () => query<{ n: number }>(SHARED_DB, "SELECT count(*) AS n FROM ReviewLog WHERE userId = ? AND cardId = ?", userId, card.cardId)[0].n;
  const version = () => query<{ version: number }>(SHARED_DB, "SELECT version FROM CardState WHERE userId = ? AND cardId = ?", userId, card.cardId)[0]?.version ?? 0;

  for (const expectedVersion of [0, 1]) {
    const input = { cardId: card.cardId, expectedVersion, rating: 3, durationMs: 2000 };
    const responses = await Promise.all(Array.from({ length: 50 }, () => callAction(client, "recordReview", input)));
    const statuses = responses.map((r) => r.status);
    expect(statuses.filter((s) => s >= 500), `5xx among: ${statuses.join(",")}`).toEqual([]);
    const applied = responses.filter((r) => asReview(r)?.ok === true);
    expect(applied.length, "exactly one of the 50 is acknowledged").toBe(1);
    expect(logs(), "one review log per round").toBe(expectedVersion + 1);
    expect(version(), "the version moved by one").toBe(expectedVersion + 1);
  }
});
