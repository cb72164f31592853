// The grade hot path on PostgreSQL (see grade-store.ts for the contract): two round trips on the
// pool Prisma's adapter uses (prisma/dialects/postgres.ts hands both the same pg.Pool).
//   1. one read: the live card, its trick's notice fields and the user's state with its version;
//   2. one statement whose data-modifying CTEs write the state (UPDATE guarded by the version read,
//      or INSERT ... ON CONFLICT DO NOTHING for a first review), insert the log only if the state
//      was written, and bump the ReviewHour rollup only if the log was inserted. A statement is
//      atomic: all three or nothing, so a stale or double submission writes nothing at all.
// Both are named (server-side prepared once per connection) and fully parameterised.
// Timestamps are TIMESTAMP(3) without time zone holding UTC, as Prisma stores them: written as
// ISO text (the zone suffix is ignored by that type) and read back as UTC.
import { createHash } from "node:crypto";
import cuid from "@bugsnag/cuid";
import pg from "pg";
import { gradeReadOf, hourOf, type GradeRead, type GradeStore, type HotQuery } from "./grade-store";

const TIMESTAMP_OID = 1114;
const utc = (text: string) => new Date(`${text.replace(" ", "T")}Z`);
const types = { getTypeParser: (oid: number, format?: string) => (oid === TIMESTAMP_OID ? utc : pg.types.getTypeParser(oid, format as "text")) };
const iso = (d: Date | null) => (d ? d.toISOString() : null);

const READ = `
SELECT c."kind", c."trickSlug", t."name" AS "trickName", t."why" AS "trickWhy", t."when" AS "trickWhen",
  s."id", s."due", s."stability", s."difficulty", s."elapsedDays", s."scheduledDays", s."learningSteps",
  s."reps", s."lapses", s."state", s."lastReview", s."suspended", s."version"
FROM "Card" c
JOIN "Trick" t ON t."slug" = c."trickSlug"
LEFT JOIN "CardState" s ON s."cardId" = c."id" AND s."userId" = $1
WHERE c."id" = $2 AND c."archivedAt" IS NULL`;

// $1 userId, $2 cardId, $3 state id, $4 version read (update) / 1 (insert), $5..$14 state fields,
// $15 leech suspend, $16 now; $17.. the log and the rollup
const LOG_AND_HOUR = `,
lg AS (
  INSERT INTO "ReviewLog" ("id", "userId", "cardId", "rating", "state", "due", "stability", "difficulty", "elapsedDays",
    "lastElapsedDays", "scheduledDays", "learningSteps", "review", "previousDue", "durationMs", "source", "createdAt")
  SELECT $17::text, $1::text, $2::text, $18::int, $19::int, $20::timestamp(3), $21::float8, $22::float8, $23::int,
    $24::int, $25::int, $26::int, $27::timestamp(3), $28::timestamp(3), $29::int, $30::text, $16::timestamp(3)
  FROM st
  RETURNING "id"
),
hr AS (
  INSERT INTO "ReviewHour" ("userId", "hour", "reviews", "durationMs")
  SELECT $1::text, $31::text, 1, $29::int FROM lg
  ON CONFLICT ("userId", "hour") DO UPDATE SET "reviews" = "ReviewHour"."reviews" + 1, "durationMs" = "ReviewHour"."durationMs" + EXCLUDED."durationMs"
)
SELECT "version" FROM st`;

const UPDATE = `
WITH st AS (
  UPDATE "CardState" SET "due" = $5::timestamp(3), "stability" = $6::float8, "difficulty" = $7::float8, "elapsedDays" = $8::int,
    "scheduledDays" = $9::int, "learningSteps" = $10::int, "reps" = $11::int, "lapses" = $12::int, "state" = $13::int,
    "lastReview" = $14::timestamp(3),
    "suspended" = CASE WHEN $15::boolean THEN true ELSE "suspended" END,
    "leechSuspended" = CASE WHEN $15::boolean THEN true ELSE "leechSuspended" END,
    "buriedUntil" = NULL, "version" = "version" + 1, "updatedAt" = $16::timestamp(3)
  WHERE "id" = $3::text AND "userId" = $1::text AND "cardId" = $2::text AND "version" = $4::int
  RETURNING "version"
)${LOG_AND_HOUR}`;

const INSERT = `
WITH st AS (
  INSERT INTO "CardState" ("id", "userId", "cardId", "version", "due", "stability", "difficulty", "elapsedDays", "scheduledDays",
    "learningSteps", "reps", "lapses", "state", "lastReview", "suspended", "leechSuspended", "createdAt", "updatedAt")
  VALUES ($3::text, $1::text, $2::text, $4::int, $5::timestamp(3), $6::float8, $7::float8, $8::int, $9::int,
    $10::int, $11::int, $12::int, $13::int, $14::timestamp(3), $15::boolean, $15::boolean, $16::timestamp(3), $16::timestamp(3))
  ON CONFLICT ("userId", "cardId") DO NOTHING
  RETURNING "version"
)${LOG_AND_HOUR}`;

type Row = Record<string, unknown>;

const toRead = (row: Row | undefined): GradeRead => gradeReadOf(row, { date: (v) => (v as Date | null) ?? null, bool: (v) => v === true });

/** A plain SELECT: no data-modifying WITH, no INSERT/UPDATE/DELETE, no locking clause. */
const READ_ONLY = /^\s*SELECT\b(?![\s\S]*\b(INSERT|UPDATE|DELETE|FOR\s+(UPDATE|SHARE))\b)/i;
// the hot path's reads are named statements too: one name per SQL text (parsed and planned
// once per connection by the server)
const readNames = new Map<string, string>();
const readName = (text: string) => {
  let name = readNames.get(text);
  if (!name) {
    // writes stay in the grade's one statement below (or in Prisma's transactions)
    if (!READ_ONLY.test(text)) throw new Error("grade store: read() takes only statements that read");
    if (readNames.size >= 256) readNames.clear();
    name = `trickdeck_read_${createHash("sha1").update(text).digest("hex").slice(0, 16)}`;
    readNames.set(text, name);
  }
  return name;
};
/** Dates as ISO text: a TIMESTAMP parameter ignores the zone suffix and keeps the UTC digits. */
const bindValue = (v: unknown) => (v instanceof Date ? v.toISOString() : v);

/** `pool()` is the pg.Pool Prisma's adapter uses for this client. */
export function postgresGradeStore(pool: () => Promise<pg.Pool>): GradeStore {
  return {
    async read(query: HotQuery, shape?: "arrays") {
      const db = await pool();
      const config: pg.QueryConfig = { name: readName(query.text), text: query.text, values: query.values.map(bindValue), types };
      if (shape === "arrays") Object.assign(config, { rowMode: "array" });
      return (await db.query(config)).rows as Row[] & unknown[][];
    },
    async grade(userId, cardId, decide) {
      const db = await pool();
      const read = await db.query({ name: "trickdeck_grade_read", text: READ, values: [userId, cardId], types });
      const before = toRead(read.rows[0] as Row | undefined);
      const decision = decide(before);
      const f = decision.fields;
      const l = decision.log;
      const logId = cuid();
      const values = [
        userId,
        cardId,
        before.state?.id ?? cuid(),
        before.state ? before.state.version : 1,
        iso(f.due),
        f.stability,
        f.difficulty,
        f.elapsedDays,
        f.scheduledDays,
        f.learningSteps,
        f.reps,
        f.lapses,
        f.state,
        iso(f.lastReview),
        decision.leechSuspend,
        iso(new Date()),
        logId,
        l.rating,
        l.state,
        iso(l.due),
        l.stability,
        l.difficulty,
        l.elapsedDays,
        l.lastElapsedDays,
        l.scheduledDays,
        l.learningSteps,
        iso(l.review),
        iso(l.previousDue),
        l.durationMs,
        l.source,
        hourOf(l.review),
      ];
      const written = await db.query(
        before.state ? { name: "trickdeck_grade_update", text: UPDATE, values } : { name: "trickdeck_grade_insert", text: INSERT, values },
      );
      const row = written.rows[0] as { version: number } | undefined;
      return row ? { logId, version: Number(row.version) } : null;
    },
  };
}
