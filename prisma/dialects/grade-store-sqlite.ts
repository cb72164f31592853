// The grade hot path on SQLite (see grade-store.ts for the contract). It runs on the SAME
// better-sqlite3 connection Prisma's adapter uses, as one synchronous `BEGIN IMMEDIATE`
// transaction of prepared statements, while holding the lock that Prisma's interactive
// transactions take too (prisma/dialects/sqlite.ts): a second connection would busy-wait on the
// event loop while an interactive transaction holds the write lock, and a transaction started
// while one is open on this connection would nest inside it.
//
// Rows are written as the adapter writes them: DateTime as ISO 8601 text with "+00:00"
// (timestampFormat "iso8601", the adapter's default), booleans as 0/1, ids as cuid v1 (Prisma's
// `@default(cuid())`), createdAt/updatedAt from the clock as Prisma's `now()` does.
import cuid from "@bugsnag/cuid";
import type { Database, Statement } from "better-sqlite3";
import { gradeReadOf, hourOf, type GradeRead, type GradeStore, type GradeWrite, type HotQuery } from "./grade-store";

/** A DateTime as @prisma/adapter-better-sqlite3 stores it (iso8601 format). */
export const sqliteDate = (d: Date) => d.toISOString().replace("Z", "+00:00");
/** Stored DateTime -> Date: ISO text, or epoch milliseconds from a unixepoch-ms database. */
const readDate = (v: unknown) => (v === null || v === undefined ? null : new Date(typeof v === "string" ? v : Number(v)));

const READ = `
SELECT c."kind", c."trickSlug", t."name" AS "trickName", t."why" AS "trickWhy", t."when" AS "trickWhen",
  s."id", s."due", s."stability", s."difficulty", s."elapsedDays", s."scheduledDays", s."learningSteps",
  s."reps", s."lapses", s."state", s."lastReview", s."suspended", s."version"
FROM "Card" c
JOIN "Trick" t ON t."slug" = c."trickSlug"
LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = @userId
WHERE c."id" = @cardId AND c."archivedAt" IS NULL`;

const STATE_FIELDS = `"due" = @due, "stability" = @stability, "difficulty" = @difficulty, "elapsedDays" = @elapsedDays,
  "scheduledDays" = @scheduledDays, "learningSteps" = @learningSteps, "reps" = @reps, "lapses" = @lapses, "state" = @state,
  "lastReview" = @lastReview`;

const UPDATE = `
UPDATE "CardState" SET ${STATE_FIELDS},
  "suspended" = CASE WHEN @leech = 1 THEN 1 ELSE "suspended" END,
  "leechSuspended" = CASE WHEN @leech = 1 THEN 1 ELSE "leechSuspended" END,
  "buriedUntil" = NULL, "version" = "version" + 1, "updatedAt" = @now
WHERE "id" = @id AND "userId" = @userId AND "version" = @version`;

const INSERT_STATE = `
INSERT INTO "CardState" ("id", "userId", "cardId", "due", "stability", "difficulty", "elapsedDays", "scheduledDays",
  "learningSteps", "reps", "lapses", "state", "lastReview", "suspended", "leechSuspended", "version", "createdAt", "updatedAt")
VALUES (@id, @userId, @cardId, @due, @stability, @difficulty, @elapsedDays, @scheduledDays,
  @learningSteps, @reps, @lapses, @state, @lastReview, @leech, @leech, 1, @now, @now)
ON CONFLICT ("userId", "cardId") DO NOTHING`;

const INSERT_LOG = `
INSERT INTO "ReviewLog" ("id", "userId", "cardId", "rating", "state", "due", "stability", "difficulty", "elapsedDays",
  "lastElapsedDays", "scheduledDays", "learningSteps", "review", "previousDue", "durationMs", "source", "createdAt")
VALUES (@id, @userId, @cardId, @rating, @state, @due, @stability, @difficulty, @elapsedDays,
  @lastElapsedDays, @scheduledDays, @learningSteps, @review, @previousDue, @durationMs, @source, @now)`;

// the same statement as bumpReviewHour in server/review/grade.ts, for one grade (+1)
const BUMP_HOUR = `
INSERT INTO "ReviewHour" ("userId", "hour", "reviews", "durationMs") VALUES (@userId, @hour, 1, @durationMs)
ON CONFLICT ("userId", "hour") DO UPDATE SET "reviews" = "ReviewHour"."reviews" + 1, "durationMs" = "ReviewHour"."durationMs" + @durationMs`;

type Row = Record<string, unknown>;

interface Prepared {
  read: Statement;
  update: Statement;
  insertState: Statement;
  insertLog: Statement;
  bumpHour: Statement;
  run: (userId: string, cardId: string, decide: (read: GradeRead) => GradeWrite) => { logId: string; version: number } | null;
}

const prepared = new WeakMap<Database, Prepared>();

function prepare(db: Database): Prepared {
  const have = prepared.get(db);
  if (have) return have;
  // the adapter turns on defaultSafeIntegers (BigInt results); these statements read numbers
  const read = db.prepare(READ).safeIntegers(false);
  const p: Prepared = {
    read,
    update: db.prepare(UPDATE),
    insertState: db.prepare(INSERT_STATE),
    insertLog: db.prepare(INSERT_LOG),
    bumpHour: db.prepare(BUMP_HOUR),
    run: db.transaction((userId: string, cardId: string, decide: (read: GradeRead) => GradeWrite) => {
      const row = read.get({ userId, cardId }) as Row | undefined;
      const decision = decide(toRead(row));
      const now = sqliteDate(new Date());
      const f = decision.fields;
      const fields = {
        userId,
        due: sqliteDate(f.due),
        stability: f.stability,
        difficulty: f.difficulty,
        elapsedDays: f.elapsedDays,
        scheduledDays: f.scheduledDays,
        learningSteps: f.learningSteps,
        reps: f.reps,
        lapses: f.lapses,
        state: f.state,
        lastReview: f.lastReview ? sqliteDate(f.lastReview) : null,
        leech: decision.leechSuspend ? 1 : 0,
        now,
      };
      let version: number;
      if (row?.id != null) {
        const changed = p.update.run({ ...fields, id: row.id, version: Number(row.version) }).changes;
        if (changed !== 1) return null;
        version = Number(row.version) + 1;
      } else {
        const changed = p.insertState.run({ ...fields, id: cuid(), cardId }).changes;
        if (changed !== 1) return null;
        version = 1;
      }
      const l = decision.log;
      const logId = cuid();
      p.insertLog.run({
        id: logId,
        userId,
        cardId,
        rating: l.rating,
        state: l.state,
        due: sqliteDate(l.due),
        stability: l.stability,
        difficulty: l.difficulty,
        elapsedDays: l.elapsedDays,
        lastElapsedDays: l.lastElapsedDays,
        scheduledDays: l.scheduledDays,
        learningSteps: l.learningSteps,
        review: sqliteDate(l.review),
        previousDue: sqliteDate(l.previousDue),
        durationMs: l.durationMs,
        source: l.source,
        now,
      });
      p.bumpHour.run({ userId, hour: hourOf(l.review), durationMs: l.durationMs });
      return { logId, version };
    }).immediate,
  };
  prepared.set(db, p);
  return p;
}

// the hot path's reads, prepared once per connection and SQL text (a handful of texts: the
// disabled-categories list is the only variable part); bounded all the same
const MAX_READS = 256;
const reads = new WeakMap<Database, Map<string, Statement>>();

function readStatement(db: Database, text: string): Statement {
  let cache = reads.get(db);
  if (!cache) reads.set(db, (cache = new Map()));
  let statement = cache.get(text);
  if (!statement) {
    if (cache.size >= MAX_READS) cache.clear();
    statement = db.prepare(text).safeIntegers(false);
    // writes stay in the one grade transaction below (or in Prisma's transactions)
    if (!statement.readonly) throw new Error("grade store: read() takes only statements that read");
    cache.set(text, statement);
  }
  return statement;
}

/** A bound value as the adapter would bind it: DateTime as iso8601 text, booleans as 0/1. */
const bindValue = (v: unknown) => (v instanceof Date ? sqliteDate(v) : typeof v === "boolean" ? (v ? 1 : 0) : v);

const toRead = (row: Row | undefined): GradeRead => gradeReadOf(row, { date: readDate, bool: (v) => Number(v) === 1 });

/**
 * `connection()` yields Prisma's connection and the lock its interactive transactions hold (see
 * serialisedSqlite in sqlite.ts); the synchronous transaction runs while holding that lock.
 */
export function sqliteGradeStore(connection: () => Promise<{ database: Database; withLock: <T>(work: () => T) => Promise<T> }>): GradeStore {
  return {
    async read(query: HotQuery, shape?: "arrays") {
      const { database, withLock } = await connection();
      // under the lock: never inside someone else's open transaction, so never its uncommitted rows
      return withLock(() => readStatement(database, query.sql).raw(shape === "arrays").all(...query.values.map(bindValue)) as Row[] & unknown[][]);
    },
    async grade(userId, cardId, decide) {
      const { database, withLock } = await connection();
      return withLock(() => {
        if (database.inTransaction) throw new Error("grade store: a transaction is already open on this connection (it would nest)");
        return prepare(database).run(userId, cardId, decide);
      });
    },
  };
}
