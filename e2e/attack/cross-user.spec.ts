// Cross-user: user B (and an anonymous client) replays every server action with user A's ids.
// Nothing that belongs to A may change, byte for byte, in any table.
import { expect, test } from "@playwright/test";
import { ACTIONS, PASSWORD, SHARED_DB, SHARED_PORT, asReview, callAction, newClient, signUpHttp, unknownActions, type ActionName } from "../support/app-actions";
import { loadActions } from "../support/actions-http";
import { query, userIdOf, userRows } from "../support/db-snapshot";
import { makeVictim, type Victim } from "../support/victim";

/** Each action with A's ids in it; `expect` says what a refusal looks like for that action. */
function replays(a: Victim): { action: ActionName; input: unknown; path?: string; refused: (r: Awaited<ReturnType<typeof callAction>>) => void }[] {
  const reviewRefused = (r: Awaited<ReturnType<typeof callAction>>) => expect(asReview(r)?.ok, JSON.stringify(r.value)?.slice(0, 200)).toBe(false);
  // refused = no redirect into the app, and a message saying why
  const formRefused = (r: Awaited<ReturnType<typeof callAction>>) => {
    expect(r.redirect).toBeNull();
    const v = r.value as { error?: string; fieldErrors?: Record<string, string> } | undefined;
    expect(v?.error ?? v?.fieldErrors?.email, JSON.stringify(v)).toBeTruthy();
  };
  return [
    // A's card at A's version, with A's user id smuggled in: B has no such version of the card
    { action: "recordReview", input: { cardId: a.graded.cardId, expectedVersion: a.graded.version, rating: 4, durationMs: 1000, userId: a.userId }, refused: reviewRefused },
    { action: "undoReview", input: { logId: a.lastLogId, userId: a.userId }, refused: reviewRefused },
    { action: "answerQuiz", input: { attemptId: a.attemptId, position: 1, answer: "anything", durationMs: 1000 }, path: `/quiz/${a.attemptId}`, refused: reviewRefused },
    { action: "reviewMissed", input: { attemptId: a.attemptId }, path: `/quiz/${a.attemptId}`, refused: (r) => expect(["/quiz", "/signin"]).toContain(new URL(r.redirect ?? "/none", "http://localhost").pathname) },
    // A's email: sign-up must not take over or touch the account, sign-in with a guess must fail
    { action: "signUp", input: { email: a.email, password: "another password 1", name: "mallory", timeZone: "UTC", next: "/review" }, refused: formRefused },
    { action: "signIn", input: { email: a.email, password: "not the password", next: "/review" }, refused: formRefused },
    // card ids are the catalogue's: these act on the caller's own copy of the card, never on A's
    // with A's user id smuggled in, the strict review inputs refuse the whole request
    { action: "suspendCard", input: { cardId: a.graded.cardId, userId: a.userId }, refused: reviewRefused },
    { action: "buryCard", input: { cardId: a.buriedCardId, userId: a.userId }, refused: reviewRefused },
    { action: "suspendCard", input: { cardId: a.graded.cardId }, refused: () => {} },
    { action: "buryCard", input: { cardId: a.buriedCardId }, refused: () => {} },
    { action: "setCardSuspended", input: { cardId: a.flagSuspendedCardId, suspend: "false", userId: a.userId }, refused: () => {} },
    { action: "loadReview", input: [], refused: () => {} },
    { action: "updateSettings", input: { userId: a.userId, desiredRetention: "0.75", maximumInterval: "10", newCardsPerDay: "1", reviewsPerDay: "5", learningSteps: "1m", relearningSteps: "1m", dayStartHour: "0", timeZone: "UTC", dailyGoal: "1", leechThreshold: "2", leechAction: "suspend", categories: ["training"] }, refused: () => {} },
    { action: "updateDailyGoal", input: { dailyGoal: "1", userId: a.userId }, refused: () => {} },
    { action: "startQuiz", input: { mode: "flashcards", order: "cram", categories: ["training"], length: "10", userId: a.userId }, refused: () => {} },
    { action: "signInGitHub", input: { next: "/review" }, refused: () => {} },
    { action: "signOut", input: {}, refused: () => {} },
    // account actions of the caller: B's own password and sessions; A's email cannot delete A
    { action: "changePassword", input: { currentPassword: "not the password", newPassword: "a new password 7", userId: a.userId }, refused: formRefused },
    { action: "deleteMyAccount", input: { confirmEmail: a.email, userId: a.userId }, refused: formRefused },
    { action: "resetCard", input: { cardId: a.graded.cardId, userId: a.userId }, refused: () => {} },
    { action: "startLeechQuiz", input: { mode: "flashcards", userId: a.userId }, refused: () => {} },
    { action: "adoptFittedParameters", input: { jobId: "not-a-job-of-yours", reschedule: true }, refused: (r) => expect((r.value as { ok?: boolean } | undefined)?.ok).toBe(false) },
    { action: "readOptimizerStatus", input: [], refused: () => {} },
    { action: "resetMyParameters", input: [], refused: () => {} },
    { action: "startOptimization", input: [], refused: () => {} },
    { action: "applyOptimalRetention", input: [{ retention: 0.7, userId: a.userId }], refused: () => {} },
    // last: ends only the caller's own sessions
    { action: "signOutEverywhere", input: [], refused: () => {} },
  ];
}

test("every server action of the build is in the attack table", () => {
  expect(unknownActions(loadActions())).toEqual([]);
});

test("another user and an anonymous client replay every action on A's ids: A's rows do not change", async () => {
  const a = await makeVictim(newClient(SHARED_PORT), SHARED_DB, "cross-a");
  const before = userRows(SHARED_DB, a.userId);
  expect(before.CardState.length).toBeGreaterThanOrEqual(4);
  expect(before.QuizItem.length).toBeGreaterThan(0);
  const list = replays(a);
  expect(new Set(list.map((r) => r.action)), "every action is replayed").toEqual(new Set(Object.keys(ACTIONS)));

  const b = newClient(SHARED_PORT);
  const { email: bEmail } = await signUpHttp(b, "cross-b");
  const bId = userIdOf(SHARED_DB, bEmail);
  const anonymous = newClient(SHARED_PORT);
  for (const client of [b, anonymous]) {
    for (const r of list) {
      const res = await callAction(client, r.action, r.input, { path: r.path });
      expect(res.status, `${r.action}: ${res.body.subarray(0, 200)}`).toBeLessThan(500);
      r.refused(res);
      expect(userRows(SHARED_DB, a.userId), `A's rows after ${r.action} from ${client === b ? "B" : "anonymous"}`).toEqual(before);
    }
    if (client === b) await signUpAgain(b); // B signed out at the end of the list
  }

  // what B did with catalogue ids landed on B's own rows
  const bStates = query<{ cardId: string; suspended: number }>(SHARED_DB, "SELECT cardId, suspended FROM CardState WHERE userId = ?", bId);
  expect(bStates.find((s) => s.cardId === a.graded.cardId)?.suspended).toBe(1);
  expect(bStates.some((s) => s.cardId === a.buriedCardId)).toBe(true);
  // and A can still sign in with A's own password
  const again = newClient(SHARED_PORT);
  const res = await callAction(again, "signIn", { email: a.email, password: PASSWORD, next: "/review" });
  expect(res.redirect, JSON.stringify(res.value)).toContain("/review");
});

async function signUpAgain(client: ReturnType<typeof newClient>) {
  await signUpHttp(client, "cross-b2");
}
