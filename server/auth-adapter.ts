import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import type { Adapter } from "next-auth/adapters";
import type { Prisma } from "@/generated/prisma/client";
import type { PrismaClient } from "@/prisma/client";

// Auth.js's PrismaAdapter writes users, accounts and sessions with plain queries. On our single
// SQLite connection a plain write issued while another request's transaction is open runs inside
// that transaction and is rolled back with it (see prisma/client.ts and
// tests/transaction-overlap.test.ts). So every adapter call runs in its own db.$transaction, on
// an adapter built over that transaction's client. Reads go through it too: a plain read would
// see another request's uncommitted rows.

type AdapterClient = Parameters<typeof PrismaAdapter>[0];
type AdapterMethod = (...args: unknown[]) => Promise<unknown>;

/**
 * The Authenticator (WebAuthn) methods are left out: the schema has no Authenticator model and
 * no passkey provider is configured, so Auth.js never calls them.
 */
const UNSUPPORTED = new Set(["createAuthenticator", "getAuthenticator", "listAuthenticatorsByUserId", "updateAuthenticatorCounter"]);

/** PrismaAdapter(db) with every method run inside its own db.$transaction. */
export function transactionalPrismaAdapter(db: PrismaClient): Adapter {
  const overTx = (tx: Prisma.TransactionClient) => PrismaAdapter(tx as unknown as AdapterClient) as Record<string, AdapterMethod>;
  // the method names come from the adapter itself (built over nothing: it only keeps the client
  // for later calls), so a method added by an upgrade is wrapped too
  const names = Object.keys(PrismaAdapter({} as AdapterClient)).filter((name) => !UNSUPPORTED.has(name));
  return Object.fromEntries(
    names.map((name) => [name, (...args: unknown[]) => db.$transaction((tx) => overTx(tx)[name](...args))]),
  ) as Adapter;
}
