// Why every write must go through db.$transaction (prisma/client.ts): the process has one SQLite
// connection. A write issued while another request's transaction is open either runs INSIDE that
// transaction (a plain write) and is rolled back with it, or waits its turn (a $transaction write)
// and survives. Both tests issue the second write only once the first transaction has written
// and is provably still open, and only then let it fail.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openFailingTransaction, settlesWithin } from "./helpers/overlap";
import { testEngine, type TestDb } from "./helpers/test-db";
import { twoUserDb } from "./helpers/two-users";

let t: TestDb;
let alice: string;
beforeEach(async () => {
  ({ t, alice } = await twoUserDb());
});
afterEach(async () => {
  await t.close();
});

const goal = async () => (await t.db.userSettings.findUnique({ where: { userId: alice } }))?.dailyGoal ?? null;
const name = async () => (await t.db.user.findUniqueOrThrow({ where: { id: alice } })).name;

// SQLite only: the hazard comes from its single connection; PostgreSQL gives each transaction its own
describe.skipIf(testEngine() === "postgresql")("writes that overlap an open transaction", () => {
  it("a plain write runs inside the other request's open transaction and is rolled back with it (the hazard)", async () => {
    const first = openFailingTransaction(t.db, alice);
    await first.written;
    const plain = t.db.userSettings.create({ data: { userId: alice, dailyGoal: 77 } });
    // the plain write does not wait: it completes while the first transaction is still open
    expect(await settlesWithin(plain, 10_000)).toBe("settled");
    expect(first.isOpen()).toBe(true);
    first.release();
    expect(await first.done).toBe("refused");
    expect(await name()).toBeNull();
    expect(await goal()).toBeNull(); // acknowledged to its caller, yet gone
  });

  it("a $transaction write waits for the open transaction and survives its rollback", async () => {
    const first = openFailingTransaction(t.db, alice);
    await first.written;
    let savedWhileOpen: boolean | null = null;
    const save = t.db
      .$transaction((tx) => tx.userSettings.create({ data: { userId: alice, dailyGoal: 77 } }))
      .then(() => (savedWhileOpen = first.isOpen()));
    // it is queued behind the open transaction, not run inside it
    expect(await settlesWithin(save, 300)).toBe("pending");
    first.release();
    expect(await first.done).toBe("refused");
    await save;
    expect(savedWhileOpen).toBe(false);
    expect(await name()).toBeNull();
    expect(await goal()).toBe(77);
  });
});
