import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { AppError } from "@/lib/app-error";
import { Semaphore } from "@/lib/semaphore";

// argon2id with the library's defaults (m=19 MiB, t=2, p=1: OWASP's minimum), about 75 ms here.
// Hashing is bounded: at most one at a time per core-ish, and a short queue. Under a flood of
// sign-in attempts, the rest are refused at once instead of starving every other request of CPU.
const hashing = new Semaphore(Number(process.env.PASSWORD_HASH_CONCURRENCY) || 1, 16);

export class ServerBusy extends AppError<"busy"> {
  constructor() {
    super("busy", "The server is busy. Try again in a moment.");
  }
}

async function bounded<T>(work: () => Promise<T>): Promise<T> {
  const release = await hashing.acquire();
  if (!release) throw new ServerBusy();
  try {
    return await work();
  } finally {
    release();
  }
}

export const hashPassword = (password: string) => bounded(() => hash(password));

export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return bounded(async () => {
    try {
      return await verify(passwordHash, password);
    } catch {
      return false;
    }
  });
}

/** A hash to verify against when the email is unknown, so both cases take the same time. */
let dummy: Promise<string> | null = null;
export const dummyHash = () => (dummy ??= hash("not-a-real-password-0"));
