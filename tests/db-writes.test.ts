// The scanner behind the "every write in a transaction" house rule: what it must catch and what
// it must let through. Each snippet is a small source file as the app could write it.
import { describe, expect, it } from "vitest";
import { plainDbWrites } from "./helpers/db-writes";

const lines = (src: string, name = "x.ts") => plainDbWrites(name, src).map((w) => w.line);

describe("the plain-write scanner", () => {
  it.each([
    ["one line", `await db.cardState.update({ where: { id } });`],
    ["a call split after the client", `await db\n  .cardState\n  .update({ where: { id } });`],
    ["a call split before the method", `await db.cardState\n  .update({ where: { id } });`],
    ["every model write method", `db.a.createMany({}); db.a.createManyAndReturn({}); db.a.updateManyAndReturn({}); db.a.upsert({}); db.a.delete({}); db.a.deleteMany({});`],
    ["an element access", `await db["user"].delete({ where: { id } });`],
    ["a cast client", `export {};\nawait (db as unknown as PrismaClient).user.create({ data });`],
    ["a tagged raw execute", "await db.$executeRaw`DELETE FROM Card`;"],
    ["an unsafe raw execute", `await db.$executeRawUnsafe("UPDATE Card SET archivedAt = NULL");`],
    ["a raw query that writes", "await db.$queryRaw`INSERT INTO Card (id) VALUES (1) RETURNING id`;"],
    ["the client imported under another name", `import { db as prisma } from "@/server/db";\nawait prisma.user.update({});`],
    ["a PrismaClient-typed parameter", `export async function f(client: PrismaClient) { await client.quizItem.deleteMany({}); }`],
    ["a client made here", `const p = createPrismaClient(url);\nawait p.user.create({ data });`],
    ["a model held in a variable", `const states = db.cardState;\nawait states.updateMany({});`],
    ["the client (not the transaction's) inside a $transaction callback", `await db.$transaction(async (tx) => { await db.user.update({}); });`],
    ["Auth.js's adapter over the client", `const adapter = PrismaAdapter(db as unknown as Client);`],
  ])("catches %s", (_, src) => {
    expect(lines(src).length).toBeGreaterThan(0);
  });

  it("reports each write once, on the line where the call starts", () => {
    expect(lines(`const a = 1;\nawait db\n  .user\n  .create({});\nawait db.user.delete({});`)).toEqual([2, 5]);
    expect(lines(`db.a.createMany({}); db.a.upsert({}); db.a.delete({});`)).toHaveLength(3);
  });

  it.each([
    ["writes on the transaction client", `await db.$transaction(async (tx) => { await tx.user.update({}); await tx.$executeRaw\`DELETE FROM Card\`; });`],
    ["a batch transaction", `await db.$transaction([db.user.update({}), db.card.deleteMany({})]);`],
    ["reads", `await db.user.findMany({}); await db.$queryRawUnsafe("SELECT * FROM Card WHERE id = ?", id); db.user.count();`],
    ["a raw read whose SQL is not a literal", `await db.$queryRawUnsafe(perCategorySql, userId);`],
    ["better-sqlite3 statements (not Prisma)", `const s = db.prepare("INSERT INTO t VALUES (?)"); s.run(1); db.transaction(() => s.run(2))();`],
    ["a method of the same name on something else", `map.delete(key); set.delete(x); cache.user.update({});`],
    ["the transactional adapter", `const adapter = transactionalPrismaAdapter(db);`],
  ])("lets through %s", (_, src) => {
    expect(plainDbWrites("x.ts", src)).toEqual([]);
  });

  it("reads .tsx and .mjs files", () => {
    expect(lines(`export default async function Page() { await db.user.delete({}); return <p />; }`, "page.tsx")).toEqual([1]);
    expect(lines(`await db.user.delete({});`, "script.mjs")).toEqual([1]);
  });
});
