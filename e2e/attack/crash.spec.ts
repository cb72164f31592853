// Crash: 16 users grade over HTTP while the server is SIGKILLed; after a restart on the same file
// every acknowledged grade is stored, every card state is the replay of its log (ts-fsrs through
// lib/srs/scheduler: this guards durability and atomicity, not the scheduling maths), and SQLite
// reports no corruption.
import { expect, test } from "@playwright/test";
import { replay } from "../../lib/srs/scheduler";
import type { StudySettings } from "../../lib/srs/settings";
import { asReview, callAction, newClient, signUpHttp } from "../support/app-actions";
import { openReadOnly, query, userIdOf } from "../support/db-snapshot";
import { pool } from "../support/http";
import { AppServer } from "../support/servers";

const PORT = 3207;
const DB = "data/attack-crash.db";
const USERS = 16;

type Ack = { userId: string; cardId: string; logId: string };

function settingsOf(userId: string): StudySettings {
  const [s] = query<Record<string, unknown>>(DB, "SELECT * FROM UserSettings WHERE userId = ?", userId);
  const weights = s.fsrsWeights ? (JSON.parse(String(s.fsrsWeights)) as number[]) : null;
  return {
    desiredRetention: Number(s.desiredRetention), maximumInterval: Number(s.maximumInterval), newCardsPerDay: Number(s.newCardsPerDay),
    reviewsPerDay: Number(s.reviewsPerDay), learningSteps: String(s.learningSteps), relearningSteps: String(s.relearningSteps),
    enableFuzz: s.enableFuzz === 1, dayStartHour: Number(s.dayStartHour), timeZone: String(s.timeZone),
    disabledCategories: JSON.parse(String(s.disabledCategories)) as string[], dailyGoal: Number(s.dailyGoal), fsrsWeights: weights?.length ? weights : null, leechThreshold: Number(s.leechThreshold), leechAction: s.leechAction === "suspend" ? "suspend" : "flag",
  };
}

const ms = (v: unknown) => (v === null ? null : new Date(v as string).getTime());

test("a SIGKILL while 16 users grade loses no acknowledged grade and leaves every card consistent", async () => {
  test.setTimeout(180_000);
  const server = new AppServer({ port: PORT, dbFile: DB });
  server.prepareFreshDb();
  await server.start();
  try {
    const clients = Array.from({ length: USERS }, () => newClient(PORT));
    const emails = await pool(clients.map((c, i) => async () => (await signUpHttp(c, `crash${i}`)).email), 4);
    const userIds = emails.map((e) => userIdOf(DB, e));
    const cards = query<{ id: string }>(DB, "SELECT id FROM Card WHERE archivedAt IS NULL ORDER BY id").map((c) => c.id);

    const acks: Ack[] = [];
    let killed = false;
    // each user walks the catalogue from its own offset, grading each card twice (version 0, then 1)
    const grader = async (u: number) => {
      for (let k = 0; k < cards.length && !killed; k++) {
        const cardId = cards[(u * 31 + k) % cards.length];
        for (const expectedVersion of [0, 1]) {
          const rating = 1 + ((u + k + expectedVersion) % 4);
          const res = await callAction(clients[u], "recordReview", { cardId, expectedVersion, rating, durationMs: 1500 }).catch(() => null);
          if (!res) return; // the server is gone: this grade was never acknowledged
          const r = asReview(res);
          if (res.status === 200 && r?.ok && r.undo) acks.push({ userId: userIds[u], cardId, logId: r.undo.logId });
        }
      }
    };
    const started = Date.now();
    const graders = Promise.all(clients.map((_, u) => grader(u)));
    while (acks.length < 150 && Date.now() - started < 8_000) await new Promise((r) => setTimeout(r, 20));
    killed = true;
    await server.stop("SIGKILL");
    await graders;
    expect(acks.length, "grades acknowledged before the kill").toBeGreaterThanOrEqual(50);

    await server.start();
    expect((await callAction(clients[0], "loadReview", [])).status, "the restarted server answers").toBe(200);

    const db = openReadOnly(DB);
    try {
      expect(db.pragma("integrity_check", { simple: true })).toBe("ok");
      const byId = db.prepare("SELECT userId, cardId FROM ReviewLog WHERE id = ?");
      const lost = acks.filter((a) => {
        const row = byId.get(a.logId) as { userId: string; cardId: string } | undefined;
        return row?.userId !== a.userId || row.cardId !== a.cardId;
      });
      expect(lost, `acknowledged grades missing after the crash (of ${acks.length})`).toEqual([]);

      const states = db.prepare(`SELECT * FROM CardState WHERE userId IN (${userIds.map(() => "?").join(",")})`).all(...userIds) as Record<string, unknown>[];
      const logsOf = db.prepare("SELECT rating, review FROM ReviewLog WHERE userId = ? AND cardId = ? ORDER BY review, createdAt, id");
      expect(states.length).toBeGreaterThan(0);
      const settings = new Map(userIds.map((id) => [id, settingsOf(id)]));
      for (const s of states) {
        const logs = (logsOf.all(s.userId, s.cardId) as { rating: number; review: string }[]).map((l) => ({ rating: l.rating, review: new Date(l.review) }));
        const expected = replay(logs, settings.get(String(s.userId))!, String(s.cardId));
        expect(expected, `${s.cardId} of ${s.userId} has a state but no log`).not.toBeNull();
        const stored = { due: ms(s.due), stability: s.stability, difficulty: s.difficulty, state: s.state, reps: s.reps, lapses: s.lapses, scheduledDays: s.scheduledDays, learningSteps: s.learningSteps, lastReview: ms(s.lastReview), version: s.version };
        const replayed = { due: ms(expected!.due), stability: expected!.stability, difficulty: expected!.difficulty, state: expected!.state, reps: expected!.reps, lapses: expected!.lapses, scheduledDays: expected!.scheduled_days, learningSteps: expected!.learning_steps, lastReview: ms(expected!.last_review ?? null), version: logs.length };
        expect(stored, `${s.cardId} of ${s.userId}`).toEqual(replayed);
      }
      // and no log without its card state
      const orphans = db.prepare(`SELECT count(*) AS n FROM ReviewLog l WHERE l.userId IN (${userIds.map(() => "?").join(",")}) AND NOT EXISTS (SELECT 1 FROM CardState s WHERE s.userId = l.userId AND s.cardId = l.cardId)`).get(...userIds) as { n: number };
      expect(orphans.n).toBe(0);
      console.log(`crash: ${acks.length} acknowledged grades, ${states.length} card states checked`);
    } finally {
      db.close();
    }
  } finally {
    await server.stop();
  }
});
