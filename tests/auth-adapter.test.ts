// The Auth.js adapter (GitHub sign-in) on a real SQLite file: every write it makes waits for an
// open transaction and survives that transaction's rollback, i.e. it runs in its own
// db.$transaction. PrismaAdapter(db) as it comes would write inside the open transaction.
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { transactionalPrismaAdapter } from "@/server/auth-adapter";
import { openFailingTransaction, settlesWithin } from "./helpers/overlap";
import { testEngine, type TestDb } from "./helpers/test-db";
import { twoUserDb } from "./helpers/two-users";

let t: TestDb;
let alice: string;
let bob: string;
let adapter: Required<Adapter>;
beforeEach(async () => {
  ({ t, alice, bob } = await twoUserDb());
  adapter = transactionalPrismaAdapter(t.db) as Required<Adapter>;
});
afterEach(async () => {
  await t.close();
});

const expires = new Date("2027-01-01T00:00:00Z");
const github = { provider: "github", providerAccountId: "4242" };
const token = { identifier: "alice@example.com", token: "t0k3n" };
const seed = {
  account: () => t.db.$transaction((tx) => tx.account.create({ data: { userId: alice, type: "oauth", ...github } })),
  session: () => t.db.$transaction((tx) => tx.session.create({ data: { sessionToken: "s1", userId: alice, expires } })),
  token: () => t.db.$transaction((tx) => tx.verificationToken.create({ data: { ...token, expires } })),
};

/** Each write method: what to seed first, the call, and what must hold once it is done. */
const writes: Record<string, { before?: () => Promise<unknown>; call: () => unknown; after: () => Promise<unknown> }> = {
  createUser: {
    call: () => adapter.createUser({ id: "ignored", email: "gh@example.com", emailVerified: null, name: "GH" }),
    after: async () => expect(await t.db.user.count({ where: { email: "gh@example.com" } })).toBe(1),
  },
  updateUser: {
    call: () => adapter.updateUser({ id: bob, name: "Bob B" }),
    after: async () => expect((await t.db.user.findUniqueOrThrow({ where: { id: bob } })).name).toBe("Bob B"),
  },
  deleteUser: {
    call: () => adapter.deleteUser(bob),
    after: async () => expect(await t.db.user.count({ where: { id: bob } })).toBe(0),
  },
  linkAccount: {
    call: () => adapter.linkAccount({ userId: alice, type: "oauth", ...github }),
    after: async () => expect(await t.db.account.count({ where: { userId: alice, ...github } })).toBe(1),
  },
  unlinkAccount: {
    before: seed.account,
    call: () => adapter.unlinkAccount(github),
    after: async () => expect(await t.db.account.count()).toBe(0),
  },
  createSession: {
    call: () => adapter.createSession({ sessionToken: "s1", userId: alice, expires }),
    after: async () => expect(await t.db.session.count({ where: { sessionToken: "s1", userId: alice } })).toBe(1),
  },
  updateSession: {
    before: seed.session,
    call: () => adapter.updateSession({ sessionToken: "s1", expires: new Date("2028-01-01T00:00:00Z") }),
    after: async () => expect((await t.db.session.findUniqueOrThrow({ where: { sessionToken: "s1" } })).expires).toEqual(new Date("2028-01-01T00:00:00Z")),
  },
  deleteSession: {
    before: seed.session,
    call: () => adapter.deleteSession("s1"),
    after: async () => expect(await t.db.session.count()).toBe(0),
  },
  createVerificationToken: {
    call: () => adapter.createVerificationToken({ ...token, expires }),
    after: async () => expect(await t.db.verificationToken.count({ where: token })).toBe(1),
  },
  useVerificationToken: {
    before: seed.token,
    call: () => adapter.useVerificationToken(token),
    after: async () => expect(await t.db.verificationToken.count()).toBe(0),
  },
};
const reads = ["getUser", "getUserByEmail", "getUserByAccount", "getSessionAndUser", "getAccount"];

// SQLite only: the hazard comes from its single connection; PostgreSQL gives each transaction its own
describe.skipIf(testEngine() === "postgresql")("the Auth.js adapter", () => {
  it("offers every method of PrismaAdapter except the WebAuthn ones (no Authenticator model), and the test covers each", () => {
    const upstream = Object.keys(PrismaAdapter(t.db as unknown as Parameters<typeof PrismaAdapter>[0])).sort();
    expect(upstream.filter((m) => !/Authenticator/.test(m))).toEqual([...Object.keys(writes), ...reads].sort());
    expect(Object.keys(adapter).sort()).toEqual([...Object.keys(writes), ...reads].sort());
  });

  it.each(Object.keys(writes))("%s waits for an open transaction and survives its rollback", async (method) => {
    const w = writes[method];
    await w.before?.();
    const first = openFailingTransaction(t.db, alice);
    await first.written;
    const call = Promise.resolve(w.call());
    expect(await settlesWithin(call, 250)).toBe("pending");
    first.release();
    expect(await first.done).toBe("refused");
    await call;
    await w.after();
    expect((await t.db.user.findUniqueOrThrow({ where: { id: alice } })).name).toBeNull();
  });

  it("reads through a transaction too, so it never sees another request's uncommitted rows", async () => {
    const first = openFailingTransaction(t.db, alice);
    await first.written;
    const user = Promise.resolve(adapter.getUser(alice));
    expect(await settlesWithin(user, 250)).toBe("pending");
    first.release();
    await first.done;
    expect(await user).toMatchObject({ id: alice, name: null });
  });
});
