// SQLite with a second writer: another PROCESS (a content sync, a backup, a second instance)
// keeps taking the write lock on the same file while this process grades cards through the hot
// path and writes through Prisma's interactive transactions. With BEGIN IMMEDIATE and the busy
// timeout nothing fails: a deferred BEGIN that read first could not upgrade (SQLITE_BUSY, P1008).
import { spawn, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/srs/settings";
import { recordReview } from "@/server/review/grade";
import { testEngine, type TestDb } from "./helpers/test-db";
import { twoUserDb } from "./helpers/two-users";

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const t0 = new Date("2026-03-02T10:00:00Z");
const CARDS = ["fan-in-init/what", "fan-in-init/why", "fan-in-init/bound", "second-trick/what", "second-trick/why", "second-trick/bound"];

// the other process: write transactions that hold the lock for a while, back to back, until told to stop
const WRITER = `
const Database = require("better-sqlite3");
const db = new Database(process.env.FILE, { timeout: 2000 });
const hold = (ms) => { const end = Date.now() + ms; while (Date.now() < end); };
let writes = 0, stop = false;
process.stdin.on("data", () => { stop = true; });
const upsert = db.prepare('INSERT INTO "SignInThrottle" ("key", "windowStart", "failures") VALUES (\\'second-writer\\', ?, 1) ON CONFLICT ("key") DO UPDATE SET "failures" = "failures" + 1');
const touch = db.prepare('UPDATE "Area" SET "name" = "name"');
const step = () => {
  if (stop || writes >= Number(process.env.WRITES)) { db.close(); process.stdout.write("writes " + writes + "\\n", () => process.exit(0)); return; }
  try {
    db.transaction(() => { touch.run(); upsert.run(new Date().toISOString().replace("Z", "+00:00")); hold(15); }).immediate();
    writes++;
  } catch (e) {
    if (!String(e.code).startsWith("SQLITE_BUSY")) throw e; // SQLite is not fair: this process may wait out its own timeout too
  }
  if (writes === 1) process.stdout.write("ready\\n");
  setTimeout(step, 10);
};
step();
`;

let t: TestDb;
let alice: string;
let bob: string;
let writer: ChildProcess | null = null;

describe.skipIf(testEngine() !== "sqlite").each(["wal", "delete"])("SQLite, journal_mode %s, a second process writing", (mode) => {
  beforeEach(async () => {
    ({ t, alice, bob } = await twoUserDb("sqlite"));
    await t.db.$queryRawUnsafe(`PRAGMA journal_mode = ${mode}`);
  });
  afterEach(async () => {
    writer?.kill();
    writer = null;
    await t.close();
  });

  it("every grade and every interactive transaction succeeds, and the counts are exact", { timeout: 120_000 }, async () => {
    writer = spawn(process.execPath, ["-e", WRITER], { env: { ...process.env, FILE: t.url.slice("file:".length), WRITES: "10" }, stdio: ["pipe", "pipe", "inherit"] });
    let out = "";
    writer.stdout!.on("data", (d) => (out += d));
    const exited = once(writer, "exit").then(([code]) => code);
    for (let waited = 0; !out.includes("ready"); waited += 5) {
      if (waited > 10_000) throw new Error(`the second writer did not start: ${out}`);
      await new Promise((r) => setTimeout(r, 5));
    }

    let writerDone = false;
    void exited.then(() => (writerDone = true));
    // two users grade every card, round after round, at the same time, until the other process
    // has made its 10 writes; each grade is followed by an interactive transaction that reads
    // before it writes (a deferred BEGIN fails there)
    const session = async (userId: string) => {
      let rounds = 0;
      while (!writerDone && rounds < 200) {
        for (const [i, cardId] of CARDS.entries()) {
          const when = new Date(t0.getTime() + (rounds * CARDS.length + i) * 60_000);
          await recordReview(t.db, userId, { cardId, expectedVersion: rounds, rating: 3, durationMs: 1000 }, when, settings);
          await t.db.$transaction(async (tx) => {
            const s = await tx.userSettings.findUnique({ where: { userId } });
            await tx.userSettings.upsert({ where: { userId }, create: { userId, dailyGoal: 1 }, update: { dailyGoal: (s?.dailyGoal ?? 0) + 1 } });
          });
          await new Promise((r) => setTimeout(r, 2)); // the next request
        }
        rounds++;
      }
      return rounds;
    };
    const [ra, rb] = await Promise.all([session(alice), session(bob)]);
    expect(await exited).toBe(0);
    const writes = Number(/writes (\d+)/.exec(out)?.[1]);
    expect(writes).toBe(10); // the other process wrote all along
    expect(Math.min(ra, rb)).toBeGreaterThan(0);

    const [na, nb] = [ra * CARDS.length, rb * CARDS.length];
    expect(await t.db.reviewLog.count({ where: { userId: alice } })).toBe(na);
    expect(await t.db.reviewLog.count({ where: { userId: bob } })).toBe(nb);
    const states = await t.db.cardState.findMany({ select: { userId: true, version: true } });
    expect(states.map((s) => s.version)).toEqual(states.map((s) => (s.userId === alice ? ra : rb)));
    expect(states).toHaveLength(2 * CARDS.length);
    const hours = await t.db.reviewHour.aggregate({ _sum: { reviews: true, durationMs: true } });
    expect(hours._sum).toEqual({ reviews: na + nb, durationMs: (na + nb) * 1000 });
    const goals = await t.db.userSettings.findMany({ select: { userId: true, dailyGoal: true } });
    expect(goals.map((g) => g.dailyGoal)).toEqual(goals.map((g) => (g.userId === alice ? na : nb)));
    expect((await t.db.signInThrottle.findUniqueOrThrow({ where: { key: "second-writer" } })).failures).toBe(writes);
  });
});
