// The grade hot path (prisma/dialects/grade-store-*.ts) on a real database, both engines: what it
// writes, read back through Prisma, against fixed expectations; the rows' stored format against
// rows Prisma wrote; the guard; the leech rule; the rollup; and how many SQL statements a grade
// and the next screen cost.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, type StudySettings } from "@/lib/srs/settings";
import { Prisma } from "@/generated/prisma/client";
import { gradeStoreOf } from "@/prisma/client";
import { ReviewError } from "@/server/review/errors";
import { applyReview, recordReview } from "@/server/review/grade";
import { loadStudySettings } from "@/server/review/study-settings";
import { buryCard, suspendCard } from "@/server/review/card-flags";
import { queueHead } from "@/server/review/queue";
import { parseCatalogue } from "@/lib/content/parse";
import { syncContent } from "@/prisma/sync-content";
import { categoriesFile, trickFile } from "./helpers/content-fixtures";
import { reviewView } from "@/server/review/view";
import { createSession, liveSession } from "@/server/sessions";
import { countStatements } from "./helpers/statement-count";
import type { TestDb } from "./helpers/test-db";
import { twoUserDb } from "./helpers/two-users";

const settings: StudySettings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const t0 = new Date("2026-03-02T10:00:00Z");
const at = (minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const CARD = "fan-in-init/what";

let t: TestDb;
let alice: string;
let bob: string;
beforeEach(async () => {
  ({ t, alice, bob } = await twoUserDb());
});
afterEach(async () => {
  await t.close();
});

const refusal = (p: Promise<unknown>) => p.then(() => null, (e) => (e instanceof ReviewError ? e.code : e));
const grade = (userId: string, cardId: string, rating: 1 | 2 | 3 | 4, when: Date, expectedVersion: number, s = settings) =>
  recordReview(t.db, userId, { cardId, expectedVersion, rating, durationMs: 4200 }, when, s);
const rows = async () => ({
  states: await t.db.cardState.findMany({ orderBy: [{ userId: "asc" }, { cardId: "asc" }] }),
  logs: await t.db.reviewLog.findMany({ orderBy: [{ review: "asc" }, { id: "asc" }] }),
  hours: await t.db.reviewHour.findMany({ orderBy: [{ userId: "asc" }, { hour: "asc" }] }),
});

describe("grade hot path", () => {
  it("writes exactly one state and one log, read back through Prisma as fixed values", async () => {
    const saved = await grade(alice, CARD, 3, t0, 0);
    expect(saved).toMatchObject({ version: 1, state: 1, source: "review", due: at(10), notice: null });
    const { states, logs, hours } = await rows();
    expect(states).toHaveLength(1);
    // ts-fsrs 5 defaults, a new card graded Good: first learning step (10m), S0(Good) = w2, D0(Good) = w4 - e^(2 w5) + 1
    expect(states[0]).toMatchObject({
      userId: alice,
      cardId: CARD,
      due: at(10),
      elapsedDays: 0,
      scheduledDays: 0,
      learningSteps: 1,
      reps: 1,
      lapses: 0,
      state: 1,
      lastReview: t0,
      suspended: false,
      leechSuspended: false,
      buriedUntil: null,
      version: 1,
    });
    expect(states[0].stability).toBeCloseTo(2.3065, 4);
    expect(states[0].difficulty).toBeCloseTo(2.11810397, 4);
    expect(states[0].id).toMatch(/^c[a-z0-9]{24}$/); // a cuid, as @default(cuid()) makes
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatchObject({ id: saved.logId, userId: alice, cardId: CARD, rating: 3, state: 0, due: t0, review: t0, previousDue: t0, durationMs: 4200, source: "review", elapsedDays: 0, scheduledDays: 0, learningSteps: 0 });
    expect(hours).toEqual([{ userId: alice, hour: "2026-03-02T10", reviews: 1, durationMs: 4200 }]);

    // second grade, an update guarded by version 1
    const again = await grade(alice, CARD, 3, at(11), 1);
    expect(again.version).toBe(2);
    const after = await rows();
    expect(after.states).toHaveLength(1);
    expect(after.states[0]).toMatchObject({ id: states[0].id, version: 2, state: 2, reps: 2, lastReview: at(11), createdAt: states[0].createdAt });
    expect(after.logs.map((l) => [l.rating, l.state, l.previousDue.toISOString()])).toEqual([
      [3, 0, t0.toISOString()],
      [3, 1, at(10).toISOString()],
    ]);
    expect(after.hours).toEqual([{ userId: alice, hour: "2026-03-02T10", reviews: 2, durationMs: 8400 }]);
  });

  it("stores its rows in the same format as Prisma's own writes", async () => {
    // the same grade through Prisma (applyReview in an interactive transaction) for bob, and through the hot path for alice
    await t.db.$transaction((tx) => applyReview(tx, bob, { cardId: CARD, expectedVersion: 0, rating: 3, durationMs: 4200 }, t0, settings));
    await grade(alice, CARD, 3, t0, 0);
    const shapes = async (table: string) => {
      // every column's stored type and text, with the user id and generated values masked
      const all = await t.db.$queryRawUnsafe<Record<string, unknown>[]>(`SELECT * FROM "${table}" ORDER BY "userId"`);
      return all.map((r) =>
        Object.fromEntries(
          Object.entries(r).map(([k, v]) => [k, k === "userId" || k === "id" ? typeof v : k === "createdAt" || k === "updatedAt" ? (v instanceof Date ? "date" : typeof v) : v instanceof Date ? v.toISOString() : v]),
        ),
      );
    };
    for (const table of ["CardState", "ReviewLog"]) {
      const [a, b] = await shapes(table);
      expect(a).toEqual(b);
    }
    const stored = await t.db.$queryRawUnsafe<{ t: string }[]>(
      t.engine === "sqlite"
        ? `SELECT typeof("due") || typeof("lastReview") || typeof("suspended") || typeof("stability") || typeof("reps") || "due" AS t FROM "CardState" ORDER BY "userId"`
        : `SELECT pg_typeof("due")::text || pg_typeof("suspended")::text || "due"::text AS t FROM "CardState" ORDER BY "userId"`,
    );
    expect(stored[0].t).toBe(stored[1].t); // byte for byte, the same date text and types
    if (t.engine === "sqlite") expect(stored[0].t).toBe("texttextintegerrealinteger2026-03-02T10:10:00.000+00:00");
  });

  it("a stale or double submit changes nothing", async () => {
    await grade(alice, CARD, 3, t0, 0);
    const before = await rows();
    expect(await refusal(grade(alice, CARD, 3, at(1), 0))).toBe("stale"); // the same click again
    expect(await refusal(grade(alice, CARD, 1, at(1), 7))).toBe("stale"); // a version never seen
    expect(await rows()).toEqual(before);
    // the guard in the write itself: a decision made for version 1 while the row is at version 2
    const store = gradeStoreOf(t.db);
    const state = before.states[0];
    await t.db.$transaction((tx) => tx.cardState.update({ where: { id: state.id }, data: { version: 2 } }));
    const written = await store.grade(alice, CARD, (read) => ({
      fields: { ...read.state!, due: at(99) },
      leechSuspend: false,
      log: { rating: 3, state: 1, due: at(10), stability: 1, difficulty: 1, elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 0, learningSteps: 0, review: at(2), previousDue: at(10), durationMs: 1, source: "review" },
    }));
    expect(written).toEqual({ logId: expect.any(String), version: 3 }); // it read version 2: written
    expect(await refusal(grade(alice, CARD, 3, at(3), 2))).toBe("stale");
    expect((await rows()).logs).toHaveLength(2);
  });

  it("first reviews of a new card racing (six tabs): one is applied, the others are stale", async () => {
    const results = await Promise.all([3, 4, 3, 2, 3, 4].map((rating) => refusal(grade(alice, CARD, rating as 2 | 3 | 4, t0, 0))));
    expect(results.filter((r) => r === null)).toHaveLength(1);
    expect(results.filter((r) => r === "stale")).toHaveLength(5);
    const { states, logs, hours } = await rows();
    expect([states.length, logs.length, hours[0].reviews]).toEqual([1, 1, 1]);
    // five tabs submitting the second grade of the card at once: exactly one is applied
    const second = await Promise.all([1, 2, 3, 4, 5].map((m) => refusal(grade(alice, CARD, 3, at(m), 1))));
    expect(second.filter((r) => r === null)).toHaveLength(1);
    expect(second.filter((r) => r === "stale")).toHaveLength(4);
    const after = await rows();
    expect([after.states[0].version, after.logs.length, after.hours[0].reviews]).toEqual([2, 2, 2]);
  });

  it("a write committed by another transaction between the grade's read and its write: the guard refuses, nothing written", async () => {
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    // another transaction (another tab, another instance) creates, then changes, the state and
    // holds its commit while the grade runs: the grade reads the committed past, its write must not win
    const interfere = async (write: (tx: Parameters<Parameters<typeof t.db.$transaction>[0]>[0]) => Promise<unknown>, grading: () => Promise<unknown>) => {
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      let wrote = false;
      const other = t.db.$transaction(async (tx) => {
        await write(tx);
        wrote = true;
        await held;
      });
      while (!wrote) await sleep(5);
      const graded = refusal(grading());
      await sleep(300);
      release();
      await other;
      return graded;
    };
    const fields = { due: t0, stability: 1, difficulty: 5, elapsedDays: 0, scheduledDays: 0, learningSteps: 1, reps: 1, lapses: 0, state: 1, lastReview: t0 };
    // a first review: the row appears (SQLite: the grade waits its turn; PostgreSQL: the insert waits, then does nothing)
    expect(await interfere((tx) => tx.cardState.create({ data: { userId: alice, cardId: CARD, ...fields, version: 1 } }), () => grade(alice, CARD, 3, t0, 0))).toBe("stale");
    // a later review: the version moves on (PostgreSQL: the guarded update waits, then matches no row)
    expect(await interfere((tx) => tx.cardState.updateMany({ where: { userId: alice, cardId: CARD }, data: { version: 2 } }), () => grade(alice, CARD, 3, at(1), 1))).toBe("stale");
    const { states, logs, hours } = await rows();
    expect([states.length, states[0].version, logs.length, hours.length]).toEqual([1, 2, 0, 0]);
  });

  it("never touches another user's card state; a missing or archived card is not_found", async () => {
    await grade(alice, CARD, 3, t0, 0);
    const aliceRow = await t.db.cardState.findFirstOrThrow({ where: { userId: alice } });
    // bob grades the same card with alice's version: his own first review, alice's row untouched
    expect(await refusal(grade(bob, CARD, 3, at(1), 1))).toBe("stale");
    await grade(bob, CARD, 1, at(1), 0);
    expect(await t.db.cardState.findFirstOrThrow({ where: { userId: alice } })).toEqual(aliceRow);
    expect(await t.db.reviewLog.count({ where: { userId: alice } })).toBe(1);
    expect(await refusal(grade(alice, "no-such/card", 3, at(2), 0))).toBe("not_found");
    await t.db.$transaction((tx) => tx.card.update({ where: { id: "second-trick/what" }, data: { archivedAt: t0 } }));
    expect(await refusal(grade(alice, "second-trick/what", 3, at(2), 0))).toBe("not_found");
    expect(await t.db.reviewLog.count()).toBe(2);
  });

  it("applies the leech rule in the same write: 'flag and suspend' suspends, with the notice", async () => {
    const suspend: StudySettings = { ...settings, leechThreshold: 4, leechAction: "suspend" };
    // a review card with 3 lapses, stored through Prisma
    await t.db.$transaction((tx) =>
      tx.cardState.create({
        data: { userId: alice, cardId: CARD, due: at(0), stability: 5, difficulty: 6, elapsedDays: 5, scheduledDays: 5, learningSteps: 0, reps: 9, lapses: 3, state: 2, lastReview: at(-5 * 1440), version: 4 },
      }),
    );
    const saved = await grade(alice, CARD, 1, at(1), 4, suspend);
    expect(saved.notice).toEqual({ kind: "leech", cardId: CARD, trickSlug: "fan-in-init", trickName: expect.any(String), lapses: 4, threshold: 4, suspended: true, href: "/tricks/fan-in-init#what" });
    expect(await t.db.cardState.findFirstOrThrow({ where: { userId: alice } })).toMatchObject({ lapses: 4, state: 3, suspended: true, leechSuspended: true, version: 5 });
    expect(await refusal(grade(alice, CARD, 3, at(2), 5, suspend))).toBe("suspended");
    expect(await t.db.reviewLog.count()).toBe(1);
  });

  it("keeps the hourly rollup exact over many grades, hours and users", async () => {
    const cards = ["fan-in-init/what", "fan-in-init/why", "fan-in-init/bound", "second-trick/what", "second-trick/why"];
    for (const [i, c] of cards.entries()) await grade(alice, c, 3, at(i * 25), 0); // 10:00, 10:25, 10:50, 11:15, 11:40
    await grade(bob, cards[0], 2, at(5), 0);
    expect(await t.db.reviewHour.findMany({ orderBy: [{ userId: "asc" }, { hour: "asc" }] })).toEqual(
      [
        { userId: alice, hour: "2026-03-02T10", reviews: 3, durationMs: 12600 },
        { userId: alice, hour: "2026-03-02T11", reviews: 2, durationMs: 8400 },
        { userId: bob, hour: "2026-03-02T10", reviews: 1, durationMs: 4200 },
      ].sort((a, b) => a.userId.localeCompare(b.userId) || a.hour.localeCompare(b.hour)),
    );
  });

  it("costs a bounded number of SQL statements: the grade and the next screen", async () => {
    await grade(alice, CARD, 3, t0, 0); // warm up: connection open, statements prepared
    const s = await loadStudySettings(t.db, alice);
    const counted = await countStatements(t, async () => {
      await loadStudySettings(t.db, alice);
      await recordReview(t.db, alice, { cardId: "fan-in-init/why", expectedVersion: 0, rating: 3, durationMs: 1000 }, at(1), s);
    });
    // SQLite: settings 1 + BEGIN IMMEDIATE, read, insert state, insert log, bump hour, COMMIT = 7
    // PostgreSQL: settings 1 + one read + one write statement = 3
    expect(counted.total).toBeLessThanOrEqual(t.engine === "sqlite" ? 7 : 3);
    const view = await countStatements(t, () => reviewView(t.db, alice, s, at(1)));
    // the queue's counts and head in one statement, the new cards (today's limit leaves room) in
    // a second, the card with its trick and state, its references: 4, however many cards are due
    expect(view.total).toBe(4);
    // with new cards held back by the limit, no second statement
    const capped = { ...s, newCardsPerDay: 2 };
    const full = await countStatements(t, () => reviewView(t.db, alice, capped, at(2)));
    expect(full.total).toBe(3);
  });

  it("counts new cards as the live, enabled cards the user has not met, burial and archive included", async () => {
    // 8 live cards (4 per trick); one graded, one buried until 11:00
    await grade(alice, CARD, 3, t0, 0);
    await buryCard(t.db, alice, "second-trick/why", at(60), t0);
    const newCount = async (when: Date, s: StudySettings = settings) => (await queueHead(t.db, alice, s, when)).counts.new;
    expect(await newCount(at(1))).toBe(6);
    expect(await newCount(at(61))).toBe(7); // the burial is over: new again
    expect(await newCount(at(1), { ...settings, disabledCategories: ["training"] })).toBe(3);
    expect(await newCount(at(1), { ...settings, newCardsPerDay: 3 })).toBe(2); // the limit, less today's one new card
    // second-trick leaves the catalogue: its cards are archived, the buried one included
    const { catalogue } = parseCatalogue(categoriesFile, [trickFile()]);
    await syncContent(t.db, catalogue!);
    expect(await newCount(at(61))).toBe(3);
    expect((await queueHead(t.db, alice, settings, at(1))).headId).toBe("fan-in-init/why");
  });

  it("takes only reads on the screen's read path: a write is refused and changes nothing", async () => {
    await grade(alice, CARD, 3, t0, 0);
    const before = await rows();
    const store = gradeStoreOf(t.db);
    const write = Prisma.sql`DELETE FROM "ReviewLog" WHERE "userId" = ${alice}`;
    const returning = Prisma.sql`UPDATE "CardState" SET "reps" = 99 WHERE "userId" = ${alice} RETURNING "id"`;
    for (const q of [write, returning]) await expect(store.read(q)).rejects.toThrow(/only statements that read/);
    expect(await rows()).toEqual(before);
    // a read: this user's one log, counted (the count's type differs by driver)
    const [n] = await store.read(Prisma.sql`SELECT COUNT(*) AS "n" FROM "ReviewLog" WHERE "userId" = ${alice} AND "review" >= ${t0}`);
    expect(Number(n.n)).toBe(1);
  });

  it("reads the session, its user and the user's settings in one statement", async () => {
    const sid = await createSession(t.db, alice, t0);
    await t.db.$transaction((tx) => tx.userSettings.upsert({ where: { userId: alice }, create: { userId: alice, newCardsPerDay: 7, enableFuzz: false, disabledCategories: ["normalization"] }, update: {} }));
    const counted = await countStatements(t, () => liveSession(t.db, sid, alice, at(1)));
    expect(counted.total).toBe(1);
    // the settings as saved (fixed values above), through the driver's own row format
    expect(counted.result).toMatchObject({ user: { id: alice, email: "alice@example.com" }, settings: { newCardsPerDay: 7, enableFuzz: false, disabledCategories: ["normalization"], fsrsWeights: null, reviewsPerDay: 200 } });
    // another user's session id gives nothing; neither does an expired one
    expect(await liveSession(t.db, sid, bob, at(1))).toBeNull();
    expect(await liveSession(t.db, sid, alice, new Date(t0.getTime() + 31 * 86_400_000))).toBeNull();
    // no settings row: the defaults
    const bobSid = await createSession(t.db, bob, t0);
    expect((await liveSession(t.db, bobSid, bob, at(1)))?.settings).toEqual(DEFAULT_SETTINGS);
  });

  it("answers the next screen from counts: learning first, then new cards in catalogue order, learn-ahead, later", async () => {
    await grade(alice, CARD, 3, t0, 0); // learning, due at 10:10
    await suspendCard(t.db, alice, "second-trick/why", t0);
    const screen = async (when: Date, s = settings) => {
      const v = await reviewView(t.db, alice, s, when);
      return { card: v.card?.cardId ?? null, version: v.card?.version, remaining: v.remaining, doneToday: v.doneToday, later: v.later, suspended: v.suspended };
    };
    // 10:01: nothing due; 6 new cards left (8 minus the graded one and the suspended one), the first in catalogue order
    expect(await screen(at(1))).toEqual({
      card: "fan-in-init/why",
      version: 0,
      remaining: { learning: 1, review: 0, new: 6 },
      doneToday: 1,
      later: { count: 1, nextDue: at(10).toISOString() },
      suspended: 1,
    });
    // 10:11: the learning card is due and comes first
    expect(await screen(at(11))).toMatchObject({ card: CARD, version: 1, remaining: { learning: 1, review: 0, new: 6 }, later: { count: 0, nextDue: null } });
    // no new cards allowed: the learning card due within 20 minutes is shown ahead of time
    expect(await screen(at(1), { ...settings, newCardsPerDay: 1 })).toMatchObject({ card: CARD, remaining: { learning: 1, review: 0, new: 0 }, later: { count: 0, nextDue: null } });
    // ... but not one due later than that: the summary, with the card coming later
    const later = await reviewView(t.db, alice, { ...settings, newCardsPerDay: 1, learningSteps: "1m 60m" }, at(-30));
    expect([later.card, later.later.count, later.summary?.reviewed]).toEqual([null, 1, 1]);
    // bob sees none of it
    expect(await reviewView(t.db, bob, settings, at(1))).toMatchObject({ card: { cardId: CARD, version: 0 }, remaining: { learning: 0, review: 0, new: 8 }, doneToday: 0, suspended: 0 });
  });
});
