// The review domain against a real, migrated SQLite file: grading, undo, concurrency, isolation.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/srs/settings";
import { buryCard, suspendCard } from "@/server/review/card-flags";
import { ReviewError } from "@/server/review/errors";
import { applyReview, recordReview, undoReview } from "@/server/review/grade";
import { loadQueue } from "@/server/review/queue";
import { cardView } from "@/server/review/view";
import { fsrsFixture, rowAsFixture } from "./helpers/fsrs-fixtures";
import type { TestDb } from "./helpers/test-db";
import { twoUserDb } from "./helpers/two-users";

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const t0 = new Date("2026-03-02T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);

let t: TestDb;
let alice: string;
let bob: string;

beforeEach(async () => {
  ({ t, alice, bob } = await twoUserDb());
});
afterEach(async () => {
  await t.close();
});

const stateOf = (userId: string, cardId: string) => t.db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
const grade = (userId: string, cardId: string, rating: 1 | 2 | 3 | 4, when: Date, expectedVersion?: number) =>
  stateOf(userId, cardId).then((s) => recordReview(t.db, userId, { cardId, expectedVersion: expectedVersion ?? s?.version ?? 0, rating, durationMs: 4200 }, when, settings));
const refusal = (p: Promise<unknown>) => p.then(() => null, (e) => (e instanceof ReviewError ? e.code : e));

describe("grading", () => {
  it("changes exactly one card state and adds exactly one log with every FSRS field", async () => {
    await grade(alice, "fan-in-init/what", 3, t0);
    const before = await t.db.cardState.findMany({ orderBy: { id: "asc" } });
    expect(await t.db.reviewLog.count()).toBe(1);

    await grade(alice, "fan-in-init/what", 3, at(11));

    const after = await t.db.cardState.findMany({ orderBy: { id: "asc" } });
    expect(after).toHaveLength(1);
    expect(after[0].version).toBe(before[0].version + 1);
    expect(after[0].due.getTime()).toBeGreaterThan(before[0].due.getTime());
    const logs = await t.db.reviewLog.findMany({ orderBy: { review: "asc" } });
    expect(logs).toHaveLength(2);
    expect(logs[1]).toMatchObject({ userId: alice, cardId: "fan-in-init/what", rating: 3, state: 1, review: at(11), durationMs: 4200, previousDue: before[0].due, source: "review" });
    expect(logs[1].learningSteps).toBe(1);
  });

  it("stores, after every grade, the card state ts-fsrs computes (committed fixtures)", async () => {
    const cards = { "fan-in-init/what": fsrsFixture("reviewWhat/default"), "fan-in-init/why": fsrsFixture("reviewWhy/default") };
    const plan = Object.entries(cards)
      .flatMap(([cardId, f]) => f.reviews.map((r, i) => ({ cardId, ...r, expected: f.states[i] })))
      .sort((a, b) => a.at.getTime() - b.at.getTime());
    expect(plan.map((p) => p.cardId)).toEqual(["fan-in-init/what", "fan-in-init/why", "fan-in-init/why", "fan-in-init/what", "fan-in-init/why", "fan-in-init/what", "fan-in-init/what", "fan-in-init/what"]);
    for (const p of plan) {
      await grade(alice, p.cardId, p.rating as 1 | 2 | 3 | 4, p.at);
      expect(rowAsFixture((await stateOf(alice, p.cardId))!)).toEqual(p.expected);
    }
    expect(await t.db.reviewLog.count({ where: { userId: alice } })).toBe(plan.length);
  });

  it("applies a double submit once and refuses the second as stale", async () => {
    const results = await Promise.allSettled([grade(alice, "fan-in-init/what", 3, t0, 0), grade(alice, "fan-in-init/what", 4, t0, 0)]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected") as PromiseRejectedResult;
    expect((rejected.reason as ReviewError).code).toBe("stale");
    expect(await t.db.reviewLog.count()).toBe(1);
    expect((await stateOf(alice, "fan-in-init/what"))!.version).toBe(1);

    // the same on a card that already has a state (two tabs showing version 1)
    const twoTabs = await Promise.allSettled([grade(alice, "fan-in-init/what", 3, at(11), 1), grade(alice, "fan-in-init/what", 1, at(11), 1)]);
    expect(twoTabs.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await t.db.reviewLog.count()).toBe(2);
    expect(await refusal(grade(alice, "fan-in-init/what", 3, at(12), 1))).toBe("stale");
    expect(await t.db.reviewLog.count()).toBe(2);
  });

  it("refuses an unknown or archived card and changes nothing", async () => {
    expect(await refusal(grade(alice, "no-such/card", 3, t0))).toBe("not_found");
    await t.db.card.update({ where: { id: "fan-in-init/why" }, data: { archivedAt: t0 } });
    expect(await refusal(grade(alice, "fan-in-init/why", 3, t0))).toBe("not_found");
    expect(await t.db.reviewLog.count()).toBe(0);
    expect(await t.db.cardState.count()).toBe(0);
  });
});

describe("undo", () => {
  it("restores the card state exactly and removes exactly that log", async () => {
    await grade(alice, "fan-in-init/what", 3, t0);
    await grade(alice, "fan-in-init/what", 3, at(11));
    const before = await stateOf(alice, "fan-in-init/what");
    const { logId } = await grade(alice, "fan-in-init/what", 1, at(60 * 24 * 2));

    await undoReview(t.db, alice, logId, settings, at(60 * 24 * 2 + 1));

    const after = await stateOf(alice, "fan-in-init/what");
    const fsrsFields = (s: typeof before) => ({ ...s, version: 0, updatedAt: null });
    expect(fsrsFields(after)).toEqual(fsrsFields(before));
    expect(after!.version).toBe(before!.version + 2); // every write bumps the version
    expect(await t.db.reviewLog.count()).toBe(2);
  });

  it("returns a card graded for the first time to having no state, and refuses a repeated undo", async () => {
    const { logId } = await grade(alice, "fan-in-init/what", 4, t0);
    await undoReview(t.db, alice, logId, settings, at(1));
    expect(await stateOf(alice, "fan-in-init/what")).toBeNull();
    expect(await t.db.reviewLog.count()).toBe(0);
    expect(await refusal(undoReview(t.db, alice, logId, settings, at(1)))).toBe("nothing_to_undo");
  });

  it("keeps the hourly rollup of reviews and time in step with the logs, through undo", async () => {
    await grade(alice, "fan-in-init/what", 3, t0);
    await grade(alice, "fan-in-init/why", 3, at(1));
    const { logId } = await grade(alice, "fan-in-init/what", 3, at(75));
    const rollup = async () =>
      (await t.db.reviewHour.findMany({ where: { userId: alice }, orderBy: { hour: "asc" } })).map((h) => [h.hour, h.reviews, h.durationMs]);
    expect(await rollup()).toEqual([
      ["2026-03-02T10", 2, 8400],
      ["2026-03-02T11", 1, 4200],
    ]);
    await undoReview(t.db, alice, logId, settings, at(76));
    expect(await rollup()).toEqual([
      ["2026-03-02T10", 2, 8400],
      ["2026-03-02T11", 0, 0],
    ]);
    expect(await t.db.reviewLog.count({ where: { userId: alice } })).toBe(2);
  });

  it("refuses to undo a grade when the card changed since (a counted quiz answer), and keeps a suspension", async () => {
    const { logId } = await grade(alice, "fan-in-init/what", 4, t0);
    const state = (await stateOf(alice, "fan-in-init/what"))!;
    await t.db.$transaction((tx) =>
      applyReview(tx, alice, { cardId: "fan-in-init/what", expectedVersion: state.version, rating: 3, durationMs: 1000, source: "quiz" }, at(60 * 24 * 5), settings),
    );
    // asked on the day of the grade, so only "changed since" can refuse it
    expect(await refusal(undoReview(t.db, alice, logId, settings, at(3)))).toBe("nothing_to_undo");
    expect(await t.db.reviewLog.count()).toBe(2);

    const second = await grade(alice, "fan-in-init/why", 4, at(1));
    await suspendCard(t.db, alice, "fan-in-init/why", at(2));
    await undoReview(t.db, alice, second.logId, settings, at(3));
    expect(await stateOf(alice, "fan-in-init/why")).toMatchObject({ state: 0, reps: 0, suspended: true });
  });

  it("logs a grade of a card that is not due today as cram", async () => {
    await grade(alice, "fan-in-init/what", 4, t0); // due in days
    const early = await grade(alice, "fan-in-init/what", 3, at(60));
    expect(early.source).toBe("cram");
  });

  it("undoes an earlier grade of today while it is still the latest change to its card (multi-step undo)", async () => {
    const first = await grade(alice, "fan-in-init/what", 3, t0);
    await grade(alice, "fan-in-init/why", 3, at(1));
    await undoReview(t.db, alice, first.logId, settings, at(2));
    expect(await stateOf(alice, "fan-in-init/what")).toBeNull();
    expect(await t.db.reviewLog.count()).toBe(1);
  });
});

describe("isolation between users", () => {
  it("keeps user B away from user A's cards: grade, undo, suspend, read", async () => {
    const { logId } = await grade(alice, "fan-in-init/what", 3, t0);
    const aliceState = await stateOf(alice, "fan-in-init/what");

    // B grading the same catalogue card works on B's own state, never on A's
    await grade(bob, "fan-in-init/what", 1, at(1));
    expect(await stateOf(alice, "fan-in-init/what")).toEqual(aliceState);

    // B cannot undo A's review
    expect(await refusal(undoReview(t.db, bob, logId, settings, at(2)))).toBe("nothing_to_undo");
    expect(await t.db.reviewLog.count({ where: { userId: alice } })).toBe(1);

    // B suspending the card suspends it for B only
    await suspendCard(t.db, bob, "fan-in-init/what", at(2));
    expect((await stateOf(alice, "fan-in-init/what"))!.suspended).toBe(false);

    // B reading the card sees B's state (version), not A's
    const view = await cardView(t.db, bob, "fan-in-init/what", settings, at(3));
    const bobState = await stateOf(bob, "fan-in-init/what");
    expect(view!.version).toBe(bobState!.version);
    expect(bobState!.id).not.toBe(aliceState!.id);
  });
});

describe("the queue on the database", () => {
  it("introduces new cards in catalogue order within enabled categories, up to the limit", async () => {
    const q = await loadQueue(t.db, alice, { ...settings, newCardsPerDay: 5 }, t0);
    expect(q.cards.map((c) => c.cardId)).toEqual(["fan-in-init/what", "fan-in-init/why", "fan-in-init/bound", "fan-in-init/reference", "second-trick/what"]);
    const onlyTraining = await loadQueue(t.db, alice, { ...settings, disabledCategories: ["initialization"] }, t0);
    expect(onlyTraining.cards.map((c) => c.cardId)).toEqual(["second-trick/what", "second-trick/why", "second-trick/bound", "second-trick/reference"]);
  });

  it("counts today's new cards against the limit, and leaves out suspended and buried cards", async () => {
    await grade(alice, "fan-in-init/what", 4, t0);
    await suspendCard(t.db, alice, "fan-in-init/why", t0);
    await buryCard(t.db, alice, "fan-in-init/bound", at(60 * 24), t0);
    const q = await loadQueue(t.db, alice, { ...settings, newCardsPerDay: 3 }, at(1));
    expect(q.cards.map((c) => c.cardId)).toEqual(["fan-in-init/reference", "second-trick/what"]);
    expect(q.done).toEqual({ newCards: 1, reviews: 0, all: 1 });
    // the buried card is back the next day
    const tomorrow = await loadQueue(t.db, alice, { ...settings, newCardsPerDay: 3 }, at(60 * 25));
    expect(tomorrow.cards.map((c) => c.cardId)).toContain("fan-in-init/bound");
  });
});
