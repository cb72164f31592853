import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { AppError } from "@/lib/app-error";
import { Semaphore } from "@/lib/semaphore";
import { passwordHashBudget } from "@/lib/token-bucket";

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum), about 75 ms here.
// Hashing is bounded twice: a budget of hashes per second (a burst of 10, then
// PASSWORD_HASHES_PER_SECOND, default 5: about a third of one core) and one at a time with a
// short queue. Under a flood of sign-in attempts the rest are refused at once ("busy") instead of
// starving every page request of CPU.
const hashing = new Semaphore(Number(process.env.PASSWORD_HASH_CONCURRENCY) || 1, 16);
const budget = passwordHashBudget();

export class ServerBusy extends AppError<"busy"> {
  constructor() {
    super("busy", "The server is busy. Try again in a moment.");
  }
}

/**
 * Takes one hash from the budget ahead of time, so a sign-in under a flood can be refused before
 * it costs even a database write. Pass `{ reserved: true }` to the hash that uses it.
 */
export const reserveHash = () => budget.take(Date.now());

async function bounded<T>(work: () => Promise<T>, reserved = false): Promise<T> {
  if (!reserved && !budget.take(Date.now())) throw new ServerBusy();
  const release = await hashing.acquire();
  if (!release) throw new ServerBusy();
  try {
    return await work();
  } finally {
    release();
  }
}

export const hashPassword = (password: string) => bounded(() => hash(password));

export async function verifyPassword(passwordHash: string, password: string, opts: { reserved?: boolean } = {}): Promise<boolean> {
  return bounded(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  }, opts.reserved);
}

/** A hash to verify against when the email is unknown, so both cases take the same time. */
let dummy: Promise<string> | null = null;
export const dummyHash = () => (dummy ??= hash("not-a-real-password-0"));
