// Every server action through the one pipeline, on a real SQLite file: signed out, another
// user's ids, and malformed input are each refused with a specific code, and change nothing.
// Only the session lookup, request headers and Next's cache are stood in for (there is no HTTP
// request here); the database is real. e2e/attack covers the same over HTTP.
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TestDb } from "./helpers/test-db";
import { twoUserDb } from "./helpers/two-users";

const ctx = vi.hoisted(() => ({
  db: null as unknown,
  user: null as { id: string; email: string; name: string | null } | null,
  sid: null as string | null,
}));
vi.mock("@/server/db", () => ({
  get db() {
    return ctx.db;
  },
}));
vi.mock("@/server/auth", () => ({
  currentUser: async () => ctx.user,
  // as liveSession gives them: the user and the user's saved settings (or the defaults)
  currentSession: async () => {
    if (!ctx.user) return null;
    const { loadStudySettings } = await import("@/server/review/study-settings");
    return { user: ctx.user, settings: await loadStudySettings(ctx.db as Parameters<typeof loadStudySettings>[0], ctx.user.id) };
  },
  currentSessionId: async () => ctx.sid,
  clientIp: () => "203.0.113.7",
  signIn: async () => {
    throw new Error("signIn is not reachable from these tests");
  },
  signOut: async () => {
    throw Object.assign(new Error("NEXT_REDIRECT"), { digest: "NEXT_REDIRECT;replace;/;307;" });
  },
}));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));
// next-auth's ESM entry cannot load outside Next; only its error classes are used on this path
vi.mock("next-auth", () => {
  class AuthError extends Error {}
  class CredentialsSignin extends AuthError {
    code = "credentials";
  }
  return { AuthError, CredentialsSignin };
});
vi.mock("next/headers", () => ({ headers: async () => new Headers() }));

let t: TestDb;
let alice: { id: string; email: string; name: null };
let bob: { id: string; email: string; name: null };
let aliceLog: string;
let aliceQuiz: string;

const form = (fields: Record<string, string | string[]>) => {
  const f = new FormData();
  for (const [k, v] of Object.entries(fields)) for (const value of [v].flat()) f.append(k, value);
  return f;
};

/** Every row that belongs to a user, in a stable order: what "unchanged" means below. */
async function rowsOf(userId: string) {
  const db = t.db;
  return JSON.stringify({
    user: await db.user.findUnique({ where: { id: userId } }),
    settings: await db.userSettings.findUnique({ where: { userId } }),
    states: await db.cardState.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    logs: await db.reviewLog.findMany({ where: { userId }, orderBy: { id: "asc" } }),
    hours: await db.reviewHour.findMany({ where: { userId }, orderBy: { hour: "asc" } }),
    quizzes: await db.quizAttempt.findMany({ where: { userId }, orderBy: { id: "asc" }, include: { items: { orderBy: { position: "asc" } } } }),
    sessions: await db.session.findMany({ where: { userId }, orderBy: { id: "asc" } }),
  });
}

const redirectOf = (err: unknown) => String((err as { digest?: string })?.digest ?? "").split(";")[2] ?? null;
const as = (who: typeof alice | null) => {
  ctx.user = who;
  ctx.sid = null;
};

beforeAll(async () => {
  const two = await twoUserDb();
  t = two.t;
  ctx.db = t.db;
  alice = { id: two.alice, email: "alice@example.com", name: null };
  bob = { id: two.bob, email: "bob@example.com", name: null };
  // alice has a graded card, a finished quiz with a miss, a suspended card and settings
  const { recordReview } = await import("@/server/actions/record-review");
  as(alice);
  const graded = await recordReview({ cardId: "fan-in-init/what", expectedVersion: 0, rating: 3, durationMs: 3000 });
  expect(graded.ok).toBe(true);
  aliceLog = graded.ok ? graded.undo!.logId : "";
  const { createQuiz } = await import("@/server/quiz/create-quiz");
  aliceQuiz = await createQuiz(t.db, alice.id, { categories: ["initialization"], mode: "multiple-choice", style: "name", length: 10, countsTowardSchedule: false, cardKinds: [] }, new Date(), 1);
});
afterAll(async () => {
  await t.close();
});

interface Case {
  name: string;
  /** call the action as the current ctx.user with input that would be valid for alice */
  valid: () => Promise<unknown>;
  /** call it with alice's ids as bob, or null when the action has no ids */
  foreign: (() => Promise<unknown>) | null;
  /** null for an action without input */
  malformed: (() => Promise<unknown>) | null;
  /** how the action reports a refusal: a result code, or a redirect */
  code: (result: unknown) => string | null;
}

const resultCode = (r: unknown) => {
  const x = r as { ok?: boolean; code?: string; failure?: { code: string } } | undefined;
  if (x?.ok === false) return x.failure?.code ?? x.code ?? "refused";
  return x?.code ?? null;
};

async function cases(): Promise<Case[]> {
  const { recordReview } = await import("@/server/actions/record-review");
  const { undoReview } = await import("@/server/actions/undo-review");
  const { buryCard } = await import("@/server/actions/bury-card");
  const { suspendCard } = await import("@/server/actions/suspend-card");
  const { setCardSuspended } = await import("@/server/actions/set-card-suspended");
  const { updateSettings } = await import("@/server/actions/update-settings");
  const { updateDailyGoal } = await import("@/server/actions/update-daily-goal");
  const { answerQuiz } = await import("@/server/actions/answer-quiz");
  const { startQuiz } = await import("@/server/actions/start-quiz");
  const { changePassword } = await import("@/server/actions/change-password");
  const { resetCard } = await import("@/server/actions/reset-card");
  const { startLeechQuiz } = await import("@/server/actions/start-leech-quiz");
  const { adoptFittedParameters } = await import("@/server/actions/adopt-parameters");
  const { deleteMyAccount } = await import("@/server/actions/delete-account");
  const { readOptimizerStatus } = await import("@/server/actions/read-optimizer-status");
  const { resetMyParameters } = await import("@/server/actions/reset-parameters");
  const { startOptimization } = await import("@/server/actions/start-optimization");
  const { applyOptimalRetention } = await import("@/server/actions/apply-optimal-retention");
  return [
    { name: "adoptFittedParameters", valid: () => adoptFittedParameters({ jobId: "no-such-job", reschedule: false }), foreign: null, malformed: () => adoptFittedParameters({ jobId: 42, reschedule: "yes" }), code: resultCode },
    // as bob, alice's email does not match: refused, nothing deleted (checked with alice's rows below)
    { name: "deleteMyAccount", valid: () => deleteMyAccount({}, form({ confirmEmail: "alice@example.com" })), foreign: null, malformed: () => deleteMyAccount({}, form({ confirmEmail: "" })), code: resultCode },
    { name: "readOptimizerStatus", valid: () => readOptimizerStatus(), foreign: null, malformed: null, code: resultCode },
    { name: "resetMyParameters", valid: () => resetMyParameters(), foreign: null, malformed: null, code: resultCode },
    { name: "startOptimization", valid: () => startOptimization(), foreign: null, malformed: null, code: resultCode },
    // takes no input: the value is the server's own; acts on the caller's settings only
    { name: "applyOptimalRetention", valid: () => applyOptimalRetention(), foreign: null, malformed: null, code: resultCode },
    // card ids are catalogue ids: a reset acts on the caller's own state of the card
    { name: "resetCard", valid: () => resetCard({}, form({ cardId: "second-trick/what" })), foreign: null, malformed: () => resetCard({}, form({ cardId: "../x" })), code: resultCode },
    { name: "startLeechQuiz", valid: () => startLeechQuiz({}, form({ mode: "flashcards" })), foreign: null, malformed: () => startLeechQuiz({}, form({ mode: "poker" })), code: resultCode },
    {
      name: "recordReview",
      valid: () => recordReview({ cardId: "second-trick/what", expectedVersion: 0, rating: 3, durationMs: 1 }),
      foreign: null, // card ids are catalogue ids: bob grades his own state (checked below)
      malformed: () => recordReview({ cardId: "second-trick/what", expectedVersion: 0, rating: 7 as 1, durationMs: 1 }),
      code: resultCode,
    },
    {
      name: "undoReview",
      valid: () => undoReview({ logId: aliceLog }),
      foreign: () => undoReview({ logId: aliceLog }),
      malformed: () => undoReview({ logId: 42 as unknown as string }),
      code: resultCode,
    },
    { name: "buryCard", valid: () => buryCard({ cardId: "second-trick/why" }), foreign: null, malformed: () => buryCard({ cardId: "../../etc" }), code: resultCode },
    { name: "suspendCard", valid: () => suspendCard({ cardId: "second-trick/why" }), foreign: null, malformed: () => suspendCard({ cardId: "" }), code: resultCode },
    {
      name: "setCardSuspended",
      valid: () => setCardSuspended({}, form({ cardId: "second-trick/bound", suspend: "true" })),
      foreign: null,
      malformed: () => setCardSuspended({}, form({ cardId: "second-trick/bound", suspend: "maybe" })),
      code: resultCode,
    },
    {
      name: "updateSettings",
      valid: () => updateSettings({}, form({ desiredRetention: "0.9", maximumInterval: "365", newCardsPerDay: "5", reviewsPerDay: "50", learningSteps: "1m", relearningSteps: "10m", dayStartHour: "4", timeZone: "UTC", dailyGoal: "10", leechThreshold: "8", leechAction: "flag", categories: ["initialization"] })),
      foreign: null,
      malformed: () => updateSettings({}, form({ desiredRetention: "0x10", maximumInterval: "1e3", newCardsPerDay: "", reviewsPerDay: "50", learningSteps: "100000000d", relearningSteps: "10m", dayStartHour: "4", timeZone: "UTC", dailyGoal: "10", categories: ["initialization"] })),
      code: resultCode,
    },
    { name: "updateDailyGoal", valid: () => updateDailyGoal({}, form({ dailyGoal: "12" })), foreign: null, malformed: () => updateDailyGoal({}, form({ dailyGoal: "1e3" })), code: resultCode },
    {
      name: "answerQuiz",
      valid: () => answerQuiz({ attemptId: aliceQuiz, position: 0, answer: 0, durationMs: 1 }),
      foreign: () => answerQuiz({ attemptId: aliceQuiz, position: 0, answer: 0, durationMs: 1 }),
      malformed: () => answerQuiz({ attemptId: aliceQuiz, position: -1, answer: 0, durationMs: Number.NaN }),
      code: resultCode,
    },
    {
      name: "startQuiz",
      valid: () => startQuiz({}, form({ mode: "multiple-choice", style: "name", length: "10", categories: ["initialization"] })),
      foreign: null,
      malformed: () => startQuiz({}, form({ mode: "poker", length: "11", categories: [] })),
      code: resultCode,
    },
    {
      name: "changePassword",
      valid: () => changePassword({}, form({ currentPassword: "whatever 1", newPassword: "a new password 2" })),
      foreign: null,
      malformed: () => changePassword({}, form({ currentPassword: "", newPassword: "short" })),
      code: resultCode,
    },
  ];
}

describe("every user action", () => {
  it("refuses a signed-out caller with 'unauthenticated' and changes nothing", async () => {
    const before = [await rowsOf(alice.id), await rowsOf(bob.id)];
    as(null);
    for (const c of await cases()) {
      expect([c.name, c.code(await c.valid())]).toEqual([c.name, "unauthenticated"]);
      if (c.malformed) expect([c.name, c.code(await c.malformed())]).toEqual([c.name, "unauthenticated"]);
    }
    expect([await rowsOf(alice.id), await rowsOf(bob.id)]).toEqual(before);
  });

  it("refuses malformed input with 'invalid_input' and changes nothing", async () => {
    const before = [await rowsOf(alice.id), await rowsOf(bob.id)];
    as(alice);
    for (const c of await cases()) if (c.malformed) expect([c.name, c.code(await c.malformed())]).toEqual([c.name, "invalid_input"]);
    expect([await rowsOf(alice.id), await rowsOf(bob.id)]).toEqual(before);
  });

  it("refuses another user's ids (not found) and leaves that user's rows byte-for-byte unchanged", async () => {
    const aliceBefore = await rowsOf(alice.id);
    as(bob);
    const { undoReview } = await import("@/server/actions/undo-review");
    const { answerQuiz } = await import("@/server/actions/answer-quiz");
    expect(resultCode(await undoReview({ logId: aliceLog }))).toBe("nothing_to_undo");
    expect(resultCode(await answerQuiz({ attemptId: aliceQuiz, position: 0, answer: 0, durationMs: 1 }))).toBe("not_found");
    // the card-id actions act on bob's own state of the card, never alice's
    for (const c of await cases()) if (!c.foreign) await c.valid().catch((e) => e); // startQuiz redirects
    expect(await rowsOf(alice.id)).toBe(aliceBefore);
    expect(await t.db.cardState.count({ where: { userId: bob.id, cardId: "second-trick/what" } })).toBe(1);
  });

  it("review-missed redirects a signed-out caller to sign-in, and another user's quiz to /quiz without creating one", async () => {
    const { reviewMissed } = await import("@/server/actions/review-missed");
    as(null);
    expect(redirectOf(await reviewMissed(form({ attemptId: aliceQuiz })).catch((e) => e))).toBe("/signin?next=/quiz");
    as(bob);
    const before = await t.db.quizAttempt.count();
    expect(redirectOf(await reviewMissed(form({ attemptId: aliceQuiz })).catch((e) => e))).toBe("/quiz");
    expect(redirectOf(await reviewMissed(form({ attemptId: "x".repeat(500) })).catch((e) => e))).toBe("/quiz");
    expect(await t.db.quizAttempt.count()).toBe(before);
  });

  it("public actions refuse malformed forms with a clear message", async () => {
    const { signUp } = await import("@/server/actions/sign-up");
    const { signInWithPassword } = await import("@/server/actions/sign-in");
    as(null);
    const up = await signUp({}, form({ email: "not an email", password: "short" }));
    expect(up).toMatchObject({ code: "invalid_input", fieldErrors: { email: "Enter a valid email address" } });
    expect(up.fieldErrors?.password).toMatch(/^Password too weak/);
    expect(await signInWithPassword({}, form({ email: "x".repeat(300), password: "" }))).toEqual({ error: "Wrong email or password.", code: "wrong_credentials" });
    expect(await t.db.user.count()).toBe(2);
  });

  it("an unexpected error is logged with an id and the user sees only that id", async () => {
    const { recordReview } = await import("@/server/actions/record-review");
    as(alice);
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    // the grade runs below Prisma: its store fails (the session and settings were read before)
    const { gradeStoreOf } = await import("@/prisma/client");
    const store = gradeStoreOf(ctx.db as Parameters<typeof gradeStoreOf>[0]);
    const grade = store.grade;
    store.grade = () => Promise.reject(new Error("disk on fire"));
    try {
      const r = await recordReview({ cardId: "second-trick/when", expectedVersion: 0, rating: 3, durationMs: 1 });
      expect(r.ok).toBe(false);
      const message = r.ok ? "" : r.error;
      const id = /error ([0-9a-f]{8})/.exec(message)?.[1];
      expect(id).toMatch(/^[0-9a-f]{8}$/);
      expect(message).not.toContain("disk on fire");
      expect(log).toHaveBeenCalledWith(expect.stringContaining(id!), expect.objectContaining({ message: "disk on fire" }));
    } finally {
      store.grade = grade;
      log.mockRestore();
    }
  });

  it("covers every exported action of server/actions", async () => {
    const { readdirSync, readFileSync } = await import("node:fs");
    const exported = readdirSync("server/actions")
      .filter((f) => readFileSync(`server/actions/${f}`, "utf8").startsWith('"use server"'))
      .flatMap((f) => [...readFileSync(`server/actions/${f}`, "utf8").matchAll(/^export async function (\w+)/gm)].map((m) => m[1]));
    const covered = new Set([...(await cases()).map((c) => c.name), "reviewMissed", "signUp", "signInWithPassword", "loadReview", "signInWithGitHub", "signOutUser", "signOutEverywhere"]);
    expect(exported.filter((name) => !covered.has(name))).toEqual([]);
  });
});
