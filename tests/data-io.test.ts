// Export, import and account deletion on real SQLite files (issue 11, "Data in and out").
import { readFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { MAX_BACKUP_BYTES, parseBackup, type Backup } from "@/lib/fsrs-fit/backup-format";
import { deleteAccount } from "@/server/data-io/delete-account";
import { exportBackup, exportReviewCsv } from "@/server/data-io/export";
import { importBackup } from "@/server/data-io/import-backup";
import { resetCard } from "@/server/review/reset-card";
import { historySettings, studyHistory, T0 } from "./helpers/study-history";
import type { TestDb } from "./helpers/test-db";
import { twoUserDb } from "./helpers/two-users";

let t: TestDb;
let alice: string;
let bob: string;
const NOW = new Date("2026-04-01T12:00:00Z");

beforeEach(async () => {
  ({ t, alice, bob } = await twoUserDb());
  await studyHistory(t.db, alice);
});
afterEach(() => t.close());

/** Everything a user owns, without row ids, owners and bookkeeping columns, in a stable order. */
async function snapshot(userId: string) {
  const strip = <T extends object>(rows: T[], drop: string[]) => rows.map((r) => Object.fromEntries(Object.entries(r).filter(([k]) => !drop.includes(k))));
  const common = ["id", "userId", "createdAt", "updatedAt"];
  return {
    settings: strip(await t.db.userSettings.findMany({ where: { userId } }), [...common]),
    states: strip(await t.db.cardState.findMany({ where: { userId }, orderBy: { cardId: "asc" } }), [...common, "version"]),
    logs: strip(await t.db.reviewLog.findMany({ where: { userId }, orderBy: [{ review: "asc" }, { cardId: "asc" }] }), common),
    hours: strip(await t.db.reviewHour.findMany({ where: { userId }, orderBy: { hour: "asc" } }), common),
    quizzes: (await t.db.quizAttempt.findMany({ where: { userId }, include: { items: true } })).map(({ items, ...a }) => ({ ...strip([a], ["id", "userId"])[0], items: strip(items, ["id", "attemptId"]) })),
  };
}

const roundTrip = async (userId: string) => {
  const text = JSON.stringify(await exportBackup(t.db, userId, NOW));
  const parsed = parseBackup(text, Buffer.byteLength(text));
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.backup;
};

describe("JSON backup", () => {
  it("export, then import into a new user, gives identical settings, states, logs, rollup and quizzes", async () => {
    const backup = await roundTrip(alice);
    expect(backup.reviewLogs).toHaveLength(8);
    const report = await importBackup(t.db, bob, backup);
    expect(report).toMatchObject({ restoredSettings: true, logsAdded: 8, statesAdded: 5, attemptsAdded: 1, missingCards: [] });
    const [a, b] = [await snapshot(alice), await snapshot(bob)];
    expect(b.states).toHaveLength(5);
    expect(b).toEqual(a);
  });

  it("a history with a reset card, a typed quiz and a Diagnose quiz exports and imports whole", async () => {
    const at = (days: number) => new Date(T0.getTime() + days * 86_400_000);
    await resetCard(t.db, alice, "fan-in-init/what", historySettings, at(7));
    await t.db.$transaction(async (tx) => {
      for (const [mode, kind] of [["typed", "typed"], ["diagnose", "diagnose"]] as const) {
        await tx.quizAttempt.create({
          data: {
            userId: alice, mode, style: mode, categories: ["initialization"], cardKinds: [], seed: 3, startedAt: at(7),
            items: { create: [{ position: 0, kind, cardId: "fan-in-init/what", prompt: "Which trick?", choices: [], correct: "A", given: "a", isCorrect: true, answeredAt: at(7), durationMs: 4000 }] },
          },
        });
      }
    });
    const backup = await roundTrip(alice);
    expect(backup.reviewLogs.filter((l) => l.rating === 0 && l.source === "reset")).toHaveLength(1);
    expect(backup.quizAttempts.map((a) => a.mode).sort()).toEqual(["diagnose", "multiple-choice", "typed"]);
    expect(await importBackup(t.db, bob, backup)).toMatchObject({ logsAdded: 9, attemptsAdded: 3, missingCards: [] });
    expect(await snapshot(bob)).toEqual(await snapshot(alice));
  });

  it("merging the same backup twice adds nothing the second time", async () => {
    const backup = await roundTrip(alice);
    await importBackup(t.db, bob, backup);
    const once = await snapshot(bob);
    const again = await importBackup(t.db, bob, backup);
    expect(again).toMatchObject({ logsAdded: 0, logsAlreadyPresent: 8, statesAdded: 0, statesUpdated: 0, attemptsAdded: 0, restoredSettings: false });
    expect(await snapshot(bob)).toEqual(once);
    // into the account it came from: everything is already there
    const before = await snapshot(alice);
    expect(await importBackup(t.db, alice, backup)).toMatchObject({ logsAdded: 0, attemptsAdded: 0, statesUpdated: 0 });
    expect(await snapshot(alice)).toEqual(before);
  });

  it("a file that fails half-way through changes nothing (one transaction)", async () => {
    const backup = await roundTrip(alice);
    const broken: Backup = { ...backup, cardStates: [...backup.cardStates, backup.cardStates[0]] }; // a card twice: the second insert fails
    const before = await snapshot(bob);
    await expect(importBackup(t.db, bob, broken)).rejects.toThrow();
    expect(await snapshot(bob)).toEqual(before);
    expect(await t.db.reviewLog.count({ where: { userId: bob } })).toBe(0);
  });

  it("a corrupted record is refused with its place in the file; an oversized file is refused by size", async () => {
    const json = await exportBackup(t.db, alice, NOW);
    json.reviewLogs[3].rating = 7;
    const bad = parseBackup(JSON.stringify(json), 1000);
    expect(bad).toEqual({ ok: false, message: expect.stringContaining(`reviewLogs[3] (id ${json.reviewLogs[3].id}), field "rating"`) });
    expect(parseBackup("{not json", 9)).toMatchObject({ ok: false, message: expect.stringContaining("not valid JSON") });
    const big = parseBackup(JSON.stringify(await exportBackup(t.db, alice, NOW)), MAX_BACKUP_BYTES + 1);
    expect(big).toMatchObject({ ok: false, message: expect.stringMatching(/up to 8 MB.*Nothing was changed/) });
  });

  it("card ids that left the catalogue are reported with the records not imported", async () => {
    const backup = await roundTrip(alice);
    const ghost = { ...backup.reviewLogs[0], id: "ghost-log", cardId: "retired-trick/what" };
    const report = await importBackup(t.db, bob, { ...backup, reviewLogs: [...backup.reviewLogs, ghost] });
    expect(report.missingCards).toEqual(["retired-trick/what"]);
    expect(report.recordsSkippedForMissingCards).toBe(1);
    expect(report.logsAdded).toBe(8);
  });
});

describe("review log CSV", () => {
  it("has one row per review in the FSRS tools' columns", async () => {
    const csv = await exportReviewCsv(t.db, alice);
    const lines = csv.trim().split("\n");
    expect(lines[0]).toBe("card_id,review_time,review_rating,review_state,review_duration");
    expect(lines).toHaveLength(9);
    // fan-in-init/what: first review at T0, new, Good, 3000 ms
    expect(lines[1]).toBe(`fan-in-init/what,${Date.parse("2026-03-02T09:00:00Z")},3,0,3000`);
  });
});

describe("delete my account", () => {
  // every model with a userId column, read from the schema so a new model cannot be forgotten
  const schema = readFileSync("prisma/schema.prisma", "utf8");
  const userModels = [...schema.matchAll(/^model (\w+) \{([\s\S]*?)^\}/gm)].filter(([, , body]) => /^\s+userId\s/m.test(body)).map(([, name]) => name);

  it("removes every row of the user and none of anyone else's", async () => {
    expect(userModels.sort()).toEqual(["Account", "CardState", "OptimizerJob", "QuizAttempt", "ReviewHour", "ReviewLog", "Session", "UserSettings"]);
    await studyHistory(t.db, bob);
    await t.db.$transaction(async (tx) => {
      await tx.session.create({ data: { userId: alice, sessionToken: "tok", expires: NOW } });
      await tx.account.create({ data: { userId: alice, type: "oauth", provider: "github", providerAccountId: "42" } });
      await tx.optimizerJob.create({ data: { userId: alice } });
      await tx.signInThrottle.create({ data: { key: "email:alice@example.com:123", windowStart: NOW, failures: 2 } });
      await tx.verificationToken.create({ data: { identifier: "alice@example.com", token: "t", expires: NOW } });
    });
    const count = async (userId: string) => {
      const counts: Record<string, number> = {};
      for (const model of userModels) {
        const delegate = (t.db as unknown as Record<string, { count: (a: object) => Promise<number> }>)[model[0].toLowerCase() + model.slice(1)];
        counts[model] = await delegate.count({ where: { userId } });
      }
      counts.QuizItem = await t.db.quizItem.count({ where: { attempt: { userId } } });
      counts.User = await t.db.user.count({ where: { id: userId } });
      return counts;
    };
    const bobBefore = await count(bob);
    await expect(deleteAccount(t.db, alice, "bob@example.com")).rejects.toThrow(/Type your email/);
    expect((await count(alice)).ReviewLog).toBe(8);

    await deleteAccount(t.db, alice, " Alice@Example.com ");
    expect(Object.values(await count(alice)).every((n) => n === 0)).toBe(true);
    expect(await t.db.signInThrottle.count({ where: { key: { contains: "alice@example.com" } } })).toBe(0);
    expect(await t.db.verificationToken.count({ where: { identifier: "alice@example.com" } })).toBe(0);
    expect(await count(bob)).toEqual(bobBefore);
  });
});
