// Two app instances, two ports, one database: users grade from both at once, and every grade is
// sent to both instances at the same moment. Exactly one of each pair may be acknowledged; after
// the run every acknowledged grade is stored once, every card's version equals its number of logs
// (no lost update), the hourly rollup agrees with the log, and a sign-out on one instance ends the
// session on the other. Runs on SQLite (WAL, two processes on one file) and, when
// TEST_POSTGRES_URL is set, on PostgreSQL; with CI=true PostgreSQL is mandatory.
import { expect, test } from "@playwright/test";
import { randomBytes } from "node:crypto";
import { createDatabase, dropDatabase, urlFor } from "../../scripts/db/pg-admin";
import { ActionClient } from "../support/actions-http";
import { asReview, callAction, newClient, signUpHttp } from "../support/app-actions";
import { queryAny } from "../support/db-query";
import { pool } from "../support/http";
import { AppServer } from "../support/servers";

const USERS = 8;
const ROUNDS = 6;
const PG_ADMIN = process.env.TEST_POSTGRES_URL?.trim();

type Ack = { userId: string; cardId: string; logId: string };

const engines = [
  { name: "SQLite", ports: [3211, 3212], file: "data/attack-two-instances.db" },
  { name: "PostgreSQL", ports: [3213, 3214], file: "data/attack-two-instances-pg-unused.db" },
] as const;

for (const engine of engines) {
  test(`two instances on one ${engine.name} database: grades from both apply exactly once, and sessions are shared`, async () => {
    test.setTimeout(300_000);
    let databaseUrl = `file:./${engine.file}`;
    let pgName: string | null = null;
    if (engine.name === "PostgreSQL") {
      if (!PG_ADMIN && process.env.CI === "true") throw new Error("CI=true but TEST_POSTGRES_URL is not set: the PostgreSQL run is mandatory in CI");
      test.skip(!PG_ADMIN, "SKIPPED: TEST_POSTGRES_URL is not set, so the two-instance run on PostgreSQL cannot start (.ci/postgres.sh sets it)");
      pgName = `trickdeck_pg_two_${process.pid}_${randomBytes(3).toString("hex")}`;
      await createDatabase(PG_ADMIN!, pgName);
      databaseUrl = urlFor(PG_ADMIN!, pgName);
    }
    // one secret: the session cookie one instance issues is valid on the other
    const secret = randomBytes(32).toString("base64");
    const servers = engine.ports.map((port) => new AppServer({ port, dbFile: engine.file, databaseUrl, secret, via: "npm-start" }));
    try {
      servers[0].prepareFreshDb(); // migrated and synced once
      if (engine.name === "PostgreSQL") {
        // both start at once: the content sync of one waits for the other's advisory lock
        await Promise.all(servers.map((s) => s.start(240_000)));
      } else {
        // the second starts while the first serves the file (a restart of one of two instances)
        await servers[0].start(240_000);
        await servers[1].start(240_000);
      }
      const [portA, portB] = engine.ports;

      // each user has a client on each instance, sharing one cookie jar (one browser, two backends)
      const users = await pool(
        Array.from({ length: USERS }, (_, i) => async () => {
          const a = newClient(i % 2 === 0 ? portA : portB);
          const { email } = await signUpHttp(a, `two${i}`);
          const b = new ActionClient(a.port === portA ? portB : portA, a.actions, { jar: a.jar });
          const [{ id }] = await queryAny<{ id: string }>(databaseUrl, `SELECT "id" FROM "User" WHERE "email" = ?`, email);
          return { a, b, userId: id };
        }),
        4,
      );

      const acks: Ack[] = [];
      const statuses: number[] = [];
      await Promise.all(
        users.map(async (u, i) => {
          let card = asReview(await callAction(u.a, "loadReview", []))?.view?.card ?? null;
          for (let round = 0; round < ROUNDS && card; round++) {
            const input = { cardId: card.cardId, expectedVersion: card.version, rating: 1 + ((i + round) % 4), durationMs: 1500 };
            const pair = await Promise.all([callAction(u.a, "recordReview", input), callAction(u.b, "recordReview", input)]);
            statuses.push(...pair.map((r) => r.status));
            const applied = pair.filter((r) => asReview(r)?.ok === true);
            expect(applied.length, `user ${i} round ${round}: exactly one of the two instances applies the grade`).toBe(1);
            const ok = asReview(applied[0])!;
            acks.push({ userId: u.userId, cardId: input.cardId, logId: ok.undo!.logId });
            card = ok.view?.card ?? null;
          }
        }),
      );
      expect(statuses.filter((s) => s >= 500), "no 5xx from either instance").toEqual([]);
      expect(acks.length, "every user graded every round").toBe(USERS * ROUNDS);

      const ids = users.map((u) => u.userId);
      const marks = ids.map(() => "?").join(", ");
      const logs = await queryAny<{ id: string; userId: string; cardId: string }>(databaseUrl, `SELECT "id", "userId", "cardId" FROM "ReviewLog" WHERE "userId" IN (${marks})`, ...ids);
      expect(logs.length, "one review log per acknowledged grade, none doubled").toBe(acks.length);
      const byId = new Map(logs.map((l) => [l.id, l]));
      expect(acks.filter((a) => byId.get(a.logId)?.cardId !== a.cardId || byId.get(a.logId)?.userId !== a.userId), "acknowledged grades missing").toEqual([]);

      const states = await queryAny<{ userId: string; cardId: string; version: number | string }>(databaseUrl, `SELECT "userId", "cardId", "version" FROM "CardState" WHERE "userId" IN (${marks})`, ...ids);
      const logCount = (s: { userId: string; cardId: string }) => logs.filter((l) => l.userId === s.userId && l.cardId === s.cardId).length;
      expect(states.filter((s) => Number(s.version) !== logCount(s)), "card versions that do not match their logs (a lost update)").toEqual([]);
      const hours = await queryAny<{ userId: string; n: number | string }>(databaseUrl, `SELECT "userId", SUM("reviews") AS n FROM "ReviewHour" WHERE "userId" IN (${marks}) GROUP BY "userId"`, ...ids);
      expect(hours.map((h) => [h.userId, Number(h.n)]).sort(), "the hourly rollup counts every review once").toEqual(ids.map((id) => [id, ROUNDS]).sort());

      // a session is a row, not process memory: signing out on one instance ends it on the other
      const u = users[0];
      const copy = new ActionClient(u.b.port, u.a.actions, { jar: u.a.jar.clone() });
      expect(asReview(await callAction(copy, "loadReview", []))?.ok, "the session works on the other instance").toBe(true);
      expect((await callAction(u.a, "signOut", {})).status).toBeLessThan(400);
      expect(asReview(await callAction(copy, "loadReview", []))?.ok, "after sign-out on one instance, the other refuses the cookie").toBe(false);
    } finally {
      await Promise.all(servers.map((s) => s.stop()));
      if (pgName) await dropDatabase(PG_ADMIN!, pgName).catch(() => {});
      else servers[0].removeDb();
    }
  });
}
