import "server-only";
import { randomUUID } from "node:crypto";
import { unstable_rethrow } from "next/navigation";
import type { z } from "zod";
import { AppError } from "@/lib/app-error";
import type { StudySettings } from "@/lib/srs/settings";
import { currentSession, type SessionUser } from "@/server/auth";
import { db } from "@/server/db";

/**
 * The one path every server action takes, in this order:
 *   1. decode and parse the input with zod (nothing the client sent is used unparsed);
 *   2. require the signed-in user, taken from the session (never from the input), unless public;
 *   3. run the operation: a server function that owns the data access, given `db` here so that
 *      no action file imports the database itself;
 *   4. known refusals (AppError subclasses with a code) become a Failure with their message;
 *   5. anything else is logged with an id, and the user sees only that id.
 * Redirects and notFound() thrown by the operation pass through untouched.
 */
export interface Failure {
  code: string;
  message: string;
  fieldErrors?: Record<string, string>;
  errorId?: string;
}

export type Outcome<T> = { ok: true; value: T; user: SessionUser | null } | { ok: false; failure: Failure; user: SessionUser | null };

export interface RunArgs<I> {
  input: I;
  now: Date;
  db: typeof db;
}

export const SESSION_ENDED: Failure = { code: "unauthenticated", message: "Your session has ended. Sign in again." };

export function invalidInput(issues: readonly { path: readonly PropertyKey[]; message: string }[]): Failure {
  const fieldErrors: Record<string, string> = {};
  for (const issue of issues) fieldErrors[String(issue.path[0] ?? "form")] ??= issue.message;
  const first = issues[0];
  const where = first?.path.length ? `${first.path.map(String).join(".")}: ` : "";
  return { code: "invalid_input", message: `That request was not valid (${where}${first?.message ?? "bad input"}).`, fieldErrors };
}

interface Spec<I> {
  /** for the log line of an unexpected error */
  name: string;
  schema: z.ZodType<I>;
  /** turns the raw argument (FormData, say) into what the schema parses; must not throw */
  decode?: (raw: unknown) => unknown;
}

async function guard<T>(name: string, user: SessionUser | null, work: () => Promise<T>): Promise<Outcome<T>> {
  try {
    return { ok: true, value: await work(), user };
  } catch (err) {
    unstable_rethrow(err);
    if (err instanceof AppError) return { ok: false, failure: { code: err.code, message: err.message, fieldErrors: err.fieldErrors }, user };
    const errorId = randomUUID().slice(0, 8);
    console.error(`[action ${name}] unexpected error ${errorId}:`, err);
    return { ok: false, failure: { code: "internal", message: `Something went wrong on our side. If it happens again, quote error ${errorId}.`, errorId }, user };
  }
}

function parse<I>(spec: Spec<I>, raw: unknown): { ok: true; input: I } | { ok: false; failure: Failure } {
  let decoded: unknown;
  try {
    decoded = spec.decode ? spec.decode(raw) : raw;
  } catch {
    return { ok: false, failure: { code: "invalid_input", message: "That request was not valid." } };
  }
  const parsed = spec.schema.safeParse(decoded);
  return parsed.success ? { ok: true, input: parsed.data } : { ok: false, failure: invalidInput(parsed.error.issues) };
}

/** An action for signed-in users only. */
export async function userAction<I, T>(
  spec: Spec<I>,
  raw: unknown,
  run: (args: RunArgs<I> & { user: SessionUser; settings: StudySettings }) => Promise<T>,
): Promise<Outcome<T>> {
  const parsed = parse(spec, raw);
  // the session row and the user's settings, read together (one statement)
  const session = await currentSession();
  const user = session?.user ?? null;
  if (!parsed.ok) return { ok: false, failure: user ? parsed.failure : SESSION_ENDED, user };
  if (!session) return { ok: false, failure: SESSION_ENDED, user: null };
  return guard(spec.name, session.user, () => run({ input: parsed.input, user: session.user, settings: session.settings, now: new Date(), db }));
}

/** An action anyone may call (sign-in, sign-up): the same parsing and error handling, no user. */
export async function publicAction<I, T>(spec: Spec<I>, raw: unknown, run: (args: RunArgs<I>) => Promise<T>): Promise<Outcome<T>> {
  const parsed = parse(spec, raw);
  if (!parsed.ok) return { ok: false, failure: parsed.failure, user: null };
  return guard(spec.name, null, () => run({ input: parsed.input, now: new Date(), db }));
}

/** FormData -> plain object: repeated fields become arrays where `arrays` names them; files are dropped. */
export function formToObject(raw: unknown, arrays: readonly string[] = []): Record<string, unknown> {
  if (!(raw instanceof FormData)) throw new Error("not a form");
  const out: Record<string, unknown> = {};
  for (const key of new Set(raw.keys())) {
    if (key.startsWith("$ACTION")) continue;
    const values = raw.getAll(key).filter((v): v is string => typeof v === "string");
    out[key] = arrays.includes(key) ? values : values[0];
  }
  for (const key of arrays) out[key] ??= [];
  return out;
}
