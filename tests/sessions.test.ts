// Server-side sessions on a real SQLite file: a cookie is only as good as its session row.
import { hash } from "@node-rs/argon2";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/app-error";
import { changePassword } from "@/server/account/password";
import { verifyPassword } from "@/server/passwords";
import { createSession, liveSession, needsRenewal, renewSession, revokeSession, revokeUserSessions, SESSION_MAX_AGE_S, sessionUser } from "@/server/sessions";
import type { TestDb } from "./helpers/test-db";
import { twoUserDb } from "./helpers/two-users";

let t: TestDb;
let alice: string;
let bob: string;
beforeEach(async () => {
  ({ t, alice, bob } = await twoUserDb());
});
afterEach(async () => {
  await t.close();
});

describe("sessions", () => {
  it("a session is valid for its own user only, until it expires", async () => {
    const now = new Date("2026-05-01T00:00:00Z");
    const sid = await createSession(t.db, alice, now);
    expect(await sessionUser(t.db, sid, alice, now)).toMatchObject({ id: alice, email: "alice@example.com" });
    expect(await sessionUser(t.db, sid, bob, now)).toBeNull(); // a token re-signed for another user id
    expect(await sessionUser(t.db, "forged", alice, now)).toBeNull();
    expect(await sessionUser(t.db, sid, alice, new Date(now.getTime() + SESSION_MAX_AGE_S * 1000))).toBeNull();
    // only a hash is stored: the database does not hold a usable token
    expect((await t.db.session.findFirstOrThrow({ where: { userId: alice } })).sessionToken).not.toBe(sid);
  });

  it("sign-out ends that session; sign-out-everywhere ends them all; keepSid keeps one", async () => {
    const [a1, a2, a3] = [await createSession(t.db, alice), await createSession(t.db, alice), await createSession(t.db, alice)];
    const b1 = await createSession(t.db, bob);
    await revokeSession(t.db, a1);
    expect(await sessionUser(t.db, a1, alice)).toBeNull();
    expect(await sessionUser(t.db, a2, alice)).not.toBeNull();
    expect(await revokeUserSessions(t.db, alice, a3)).toBe(1);
    expect([await sessionUser(t.db, a2, alice), (await sessionUser(t.db, a3, alice))?.id]).toEqual([null, alice]);
    expect(await revokeUserSessions(t.db, alice)).toBe(1);
    expect(await sessionUser(t.db, a3, alice)).toBeNull();
    expect((await sessionUser(t.db, b1, bob))?.id).toBe(bob); // bob untouched throughout
  });

  it("changing the password needs the current one, and ends every other session", async () => {
    await t.db.user.update({ where: { id: alice }, data: { passwordHash: await hash("old password 1") } });
    const here = await createSession(t.db, alice);
    const elsewhere = await createSession(t.db, alice);
    const wrong = await changePassword(t.db, alice, here, { currentPassword: "guess 1", newPassword: "new password 2" }, "198.51.100.1").catch((e) => e);
    expect(wrong).toBeInstanceOf(AppError);
    expect(wrong.code).toBe("wrong_password");
    expect(await sessionUser(t.db, elsewhere, alice)).not.toBeNull(); // a refusal changes nothing

    expect(await changePassword(t.db, alice, here, { currentPassword: "old password 1", newPassword: "new password 2" }, "198.51.100.1")).toBe(1);
    expect(await sessionUser(t.db, elsewhere, alice)).toBeNull();
    expect((await sessionUser(t.db, here, alice))?.id).toBe(alice);
    const { passwordHash } = await t.db.user.findUniqueOrThrow({ where: { id: alice } });
    expect([await verifyPassword(passwordHash!, "new password 2"), await verifyPassword(passwordHash!, "old password 1")]).toEqual([true, false]);
  });

  it("is renewed only near its end: a later end for a live row, never a revoked one back", async () => {
    const now = new Date();
    const day = 86_400_000;
    const end = (d: Date) => new Date(d.getTime() + SESSION_MAX_AGE_S * 1000);
    // 30-day sessions are renewed in their last 7 days, not before
    expect([needsRenewal(end(now), now), needsRenewal(new Date(now.getTime() + 8 * day), now), needsRenewal(new Date(now.getTime() + 6 * day), now)]).toEqual([false, false, true]);
    const sid = await createSession(t.db, alice, new Date(now.getTime() - 25 * day)); // ends in 5 days
    const before = await liveSession(t.db, sid, alice, now);
    expect(Math.round((before!.expires.getTime() - now.getTime()) / day)).toBe(5);
    const until = end(now);
    expect(await renewSession(t.db, sid, until)).toBe(true);
    expect((await liveSession(t.db, sid, alice, now))!.expires).toEqual(until);
    await revokeSession(t.db, sid);
    expect(await renewSession(t.db, sid, until)).toBe(false);
    expect(await liveSession(t.db, sid, alice, now)).toBeNull();
  });
});
