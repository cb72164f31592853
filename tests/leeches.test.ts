// Leeches and multi-step undo against a real, migrated SQLite file and real ts-fsrs.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type StudySettings } from "@/lib/srs/settings";
import { leechCards } from "@/server/queries/leeches";
import { leechQuiz } from "@/server/quiz/leech-quiz";
import { suspendCard, unsuspendCard } from "@/server/review/card-flags";
import { ReviewError } from "@/server/review/errors";
import { recordReview, undoReview } from "@/server/review/grade";
import { loadQueue } from "@/server/review/queue";
import { rescheduleAll } from "@/server/review/reschedule";
import { resetCard } from "@/server/review/reset-card";
import type { TestDb } from "./helpers/test-db";
import { twoUserDb } from "./helpers/two-users";

const base: StudySettings = { ...DEFAULT_SETTINGS, enableFuzz: false, timeZone: "UTC", dayStartHour: 4 };
const flag = { ...base, leechThreshold: 3, leechAction: "flag" as const };
const suspend = { ...base, leechThreshold: 3, leechAction: "suspend" as const };
const WHAT = "fan-in-init/what";

let t: TestDb;
let alice: string;
let bob: string;
let clock: Date;

beforeEach(async () => {
  ({ t, alice, bob } = await twoUserDb());
  clock = new Date("2026-03-02T10:00:00Z");
});
afterEach(async () => {
  await t.close();
});

const stateOf = (userId: string, cardId: string) => t.db.cardState.findUnique({ where: { userId_cardId: { userId, cardId } } });
const grade = async (userId: string, cardId: string, rating: 1 | 2 | 3 | 4, settings: StudySettings, when = clock) => {
  const s = await stateOf(userId, cardId);
  return recordReview(t.db, userId, { cardId, expectedVersion: s?.version ?? 0, rating, durationMs: 3000 }, when, settings);
};
const refusal = (p: Promise<unknown>) => p.then(() => null, (e) => (e instanceof ReviewError ? e.code : e));
/** the stored row without the fields every write changes */
const row = async (userId: string, cardId: string) => {
  const s = await stateOf(userId, cardId);
  return s && { ...s, version: undefined, updatedAt: undefined };
};

/** Brings the card to review state, then forgets it once (Again on the due date): one lapse. */
async function lapse(userId: string, cardId: string, settings: StudySettings) {
  for (let s = await stateOf(userId, cardId); s?.state !== 2; s = await stateOf(userId, cardId)) {
    if (s) clock = new Date(Math.max(clock.getTime(), s.due.getTime()));
    await grade(userId, cardId, s ? 3 : 4, settings);
  }
  clock = new Date(Math.max(clock.getTime(), (await stateOf(userId, cardId))!.due.getTime()));
  return grade(userId, cardId, 1, settings);
}

describe("leech detection", () => {
  it("makes a card a leech when its lapses reach the threshold, warning half way", async () => {
    const notices = [];
    for (let i = 1; i <= 4; i++) notices.push((await lapse(alice, WHAT, flag)).notice?.kind ?? null);
    // threshold 3: warning at 2 lapses, leech at 3, nothing more at 4
    expect(notices).toEqual([null, "leech-warning", "leech", null]);
    expect((await stateOf(alice, WHAT))!.lapses).toBe(4);
    const leeches = await leechCards(t.db, alice, flag, clock);
    expect(leeches.map((l) => [l.cardId, l.lapses, l.suspended])).toEqual([[WHAT, 4, false]]);
    // flag only: still in the schedule; and bob has no leeches
    expect((await stateOf(alice, WHAT))!.suspended).toBe(false);
    expect(await leechCards(t.db, bob, flag, clock)).toEqual([]);
  });

  it("lists leeches weakest first (lowest predicted recall now)", async () => {
    const one = { ...flag, leechThreshold: 1 };
    await lapse(alice, "fan-in-init/why", one); // forgotten first: lower recall by now
    await lapse(alice, WHAT, one);
    const later = new Date(clock.getTime() + 86_400_000);
    const leeches = await leechCards(t.db, alice, one, later);
    expect(leeches.map((l) => l.cardId)).toEqual(["fan-in-init/why", WHAT]);
    expect(leeches[0].recall!).toBeLessThan(leeches[1].recall!);
  });

  it("is derived from the stored lapses: one below the threshold is not a leech", async () => {
    for (let i = 0; i < 2; i++) await lapse(alice, WHAT, flag);
    expect(await leechCards(t.db, alice, flag, clock)).toEqual([]);
    expect((await leechCards(t.db, alice, { ...flag, leechThreshold: 2 }, clock)).map((l) => l.cardId)).toEqual([WHAT]);
  });

  it("with 'flag and suspend', suspends the card in the grade that makes it a leech", async () => {
    await lapse(alice, WHAT, suspend);
    await lapse(alice, WHAT, suspend);
    expect((await stateOf(alice, WHAT))!.suspended).toBe(false);
    const made = await lapse(alice, WHAT, suspend);
    expect(made.notice).toMatchObject({ kind: "leech", suspended: true, trickSlug: "fan-in-init", href: "/tricks/fan-in-init#what", lapses: 3, threshold: 3 });
    expect(await stateOf(alice, WHAT)).toMatchObject({ lapses: 3, suspended: true, leechSuspended: true });
    const queue = await loadQueue(t.db, alice, suspend, new Date(clock.getTime() + 86_400_000));
    expect(queue.cards.map((c) => c.cardId)).not.toContain(WHAT);
  });
});

describe("undo and leeches", () => {
  it("undo of the grade that made the leech unmakes it and restores the exact previous state", async () => {
    await lapse(alice, WHAT, suspend);
    await lapse(alice, WHAT, suspend);
    // bring it to review, then snapshot just before the lapse that makes the leech
    await grade(alice, WHAT, 3, suspend, (clock = (await stateOf(alice, WHAT))!.due));
    clock = (await stateOf(alice, WHAT))!.due;
    const before = await row(alice, WHAT);
    const made = await grade(alice, WHAT, 1, suspend);
    expect(made.notice?.kind).toBe("leech");

    await undoReview(t.db, alice, made.logId, suspend, clock);

    expect(await row(alice, WHAT)).toEqual(before);
    expect(before).toMatchObject({ suspended: false, leechSuspended: false, lapses: 2 });
    expect(await leechCards(t.db, alice, suspend, clock)).toEqual([]);
  });

  it("keeps a suspension the user set again after the leech rule's", async () => {
    for (let i = 0; i < 3; i++) await lapse(alice, WHAT, suspend);
    const last = await t.db.reviewLog.findFirst({ where: { userId: alice }, orderBy: { review: "desc" } });
    await unsuspendCard(t.db, alice, WHAT, clock);
    await suspendCard(t.db, alice, WHAT, clock);
    await undoReview(t.db, alice, last!.id, suspend, clock);
    expect(await stateOf(alice, WHAT)).toMatchObject({ lapses: 2, suspended: true, leechSuspended: false });
  });
});

describe("multi-step undo", () => {
  const CARDS = ["fan-in-init/what", "fan-in-init/why", "fan-in-init/bound", "second-trick/what", "second-trick/why"];

  it("undoes 5 grades in reverse order and restores all 5 cards exactly", async () => {
    // yesterday: three of the cards were studied, two stay new
    for (const id of CARDS.slice(0, 3)) await grade(alice, id, 3, base);
    clock = new Date("2026-03-05T09:00:00Z");
    const before = await Promise.all(CARDS.map((id) => row(alice, id)));
    expect(before.filter(Boolean)).toHaveLength(3);

    const logIds = [];
    for (const [i, id] of CARDS.entries()) logIds.push((await grade(alice, id, ([1, 3, 4, 2, 1] as const)[i], base, new Date(clock.getTime() + i * 60_000))).logId);
    const changed = await Promise.all(CARDS.map((id) => row(alice, id)));
    changed.forEach((r, i) => expect(r).not.toEqual(before[i]));

    const now = new Date(clock.getTime() + 10 * 60_000);
    for (const logId of [...logIds].reverse()) await undoReview(t.db, alice, logId, base, now);

    expect(await Promise.all(CARDS.map((id) => row(alice, id)))).toEqual(before);
    expect(await t.db.reviewLog.count({ where: { userId: alice } })).toBe(3);
  });

  it("refuses a step at a card changed since, another user's log, and yesterday's log", async () => {
    const yesterday = await grade(alice, WHAT, 3, base); // 2026-03-02 10:00
    clock = new Date("2026-03-03T10:00:00Z");
    expect(await refusal(undoReview(t.db, alice, yesterday.logId, base, clock))).toBe("nothing_to_undo");

    const first = await grade(alice, WHAT, 3, base);
    const second = await grade(alice, WHAT, 3, base, new Date(clock.getTime() + 60_000));
    const snapshot = await row(alice, WHAT);
    // the first grade is no longer the latest change to its card
    expect(await refusal(undoReview(t.db, alice, first.logId, base, clock))).toBe("nothing_to_undo");
    // bob cannot undo alice's grade, even today
    expect(await refusal(undoReview(t.db, bob, second.logId, base, clock))).toBe("nothing_to_undo");
    expect(await row(alice, WHAT)).toEqual(snapshot);
    expect(await t.db.reviewLog.count({ where: { userId: alice } })).toBe(3);
  });

  it("refuses to undo across a reset (the reset is the card's latest change)", async () => {
    const g = await grade(alice, WHAT, 4, base);
    await resetCard(t.db, alice, WHAT, base, new Date(clock.getTime() + 60_000));
    expect(await refusal(undoReview(t.db, alice, g.logId, base, new Date(clock.getTime() + 120_000)))).toBe("nothing_to_undo");
  });
});

describe("reset", () => {
  it("forgets a leech: new again with no lapses, logged, and a replay of the history keeps it so", async () => {
    for (let i = 0; i < 3; i++) await lapse(alice, WHAT, suspend);
    expect(await stateOf(alice, WHAT)).toMatchObject({ suspended: true, lapses: 3 });
    await resetCard(t.db, alice, WHAT, suspend, (clock = new Date(clock.getTime() + 60_000)));
    expect(await stateOf(alice, WHAT)).toMatchObject({ state: 0, lapses: 0, reps: 0, suspended: false, leechSuspended: false });
    expect(await t.db.reviewLog.findFirst({ where: { userId: alice }, orderBy: { review: "desc" } })).toMatchObject({ rating: 0, source: "reset" });
    expect(await leechCards(t.db, alice, suspend, clock)).toEqual([]);

    // studied again after the reset, then every card replayed from the log: no leech comes back
    await grade(alice, WHAT, 3, suspend, (clock = new Date(clock.getTime() + 60_000)));
    const live = await row(alice, WHAT);
    await rescheduleAll(t.db, alice, suspend);
    expect(await row(alice, WHAT)).toEqual(live);
    expect(live).toMatchObject({ lapses: 0, reps: 1 });
  });

  it("refuses another user's card or a card never studied", async () => {
    await grade(alice, WHAT, 3, base);
    expect(await refusal(resetCard(t.db, bob, WHAT, base, clock))).toBe("not_found");
    expect((await stateOf(alice, WHAT))!.reps).toBe(1);
  });
});

describe("the leeches quiz", () => {
  it("quizzes exactly the leech cards (flashcards) or their tricks (multiple choice)", async () => {
    await t.db.userSettings.create({ data: { userId: alice, leechThreshold: 3, enableFuzz: false, timeZone: "UTC" } });
    for (let i = 0; i < 3; i++) await lapse(alice, WHAT, flag);
    await lapse(alice, "second-trick/why", flag);
    const flash = await leechQuiz(t.db, alice, "flashcards", clock, 7);
    expect((await t.db.quizItem.findMany({ where: { attemptId: flash } })).map((i) => i.cardId)).toEqual([WHAT]);
    const mc = await leechQuiz(t.db, alice, "multiple-choice", clock, 7);
    const items = await t.db.quizItem.findMany({ where: { attemptId: mc }, include: { card: true } });
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((i) => i.card.trickSlug))).toEqual(new Set(["fan-in-init"]));
    await expect(leechQuiz(t.db, bob, "flashcards", clock, 7)).rejects.toMatchObject({ code: "no_leeches" });
  });
});

describe("a quiz limited to some tricks (the leeches source)", () => {
  it("asks only about the given tricks of the chosen categories", async () => {
    const { createTestDb } = await import("./helpers/test-db");
    const { parseCatalogue } = await import("@/lib/content/parse");
    const { syncContent } = await import("@/prisma/sync-content");
    const { categoriesFile, trickFile } = await import("./helpers/content-fixtures");
    const { createQuiz } = await import("@/server/quiz/create-quiz");
    const local = await createTestDb();
    try {
      const files = ["alpha", "beta", "gamma", "delta"].map((slug) => {
        const f = trickFile({ slug });
        f.text = f.text.replace("name: Fan-in initialisation", `name: ${slug} trick`);
        return f;
      });
      await syncContent(local.db, parseCatalogue(categoriesFile, files).catalogue!);
      const user = (await local.db.user.create({ data: { email: "carol@example.com" } })).id;
      const input = { categories: ["initialization"], mode: "multiple-choice" as const, style: "mixed" as const, length: "all" as const, countsTowardSchedule: false, cardKinds: [], trickSlugs: ["beta"] };
      const id = await createQuiz(local.db, user, input, clock, 3);
      const items = await local.db.quizItem.findMany({ where: { attemptId: id }, include: { card: true } });
      expect(items.length).toBeGreaterThan(0);
      expect(new Set(items.map((i) => i.card.trickSlug))).toEqual(new Set(["beta"]));
    } finally {
      await local.close();
    }
  });
});
