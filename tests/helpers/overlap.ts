// Tools to make two writes provably overlap on one database (see tests/transaction-overlap.test.ts).
import type { PrismaClient } from "@/prisma/client";

/**
 * Opens a transaction that writes `user.name`, then waits for `release()` and fails, so its write
 * is rolled back. Await `written` before issuing the write under test: from then on the
 * transaction holds the connection's lock and `isOpen()` stays true until `release()`.
 */
export function openFailingTransaction(db: PrismaClient, userId: string) {
  let release!: () => void;
  const gate = new Promise<void>((r) => (release = r));
  let wrote!: () => void;
  const written = new Promise<void>((r) => (wrote = r));
  let open = true;
  const done = db
    .$transaction(async (tx) => {
      await tx.user.update({ where: { id: userId }, data: { name: "rolled back" } });
      wrote();
      await gate;
      open = false;
      throw new Error("refused");
    })
    .catch((e: Error) => e.message);
  return { written, release, done, isOpen: () => open };
}

/** Resolves with "settled" if `p` settles within `ms`, else with "pending". */
export const settlesWithin = (p: Promise<unknown>, ms: number) =>
  Promise.race([p.then(() => "settled", () => "settled"), new Promise((r) => setTimeout(() => r("pending"), ms))]);
