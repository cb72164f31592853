import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { encode, type JWT } from "next-auth/jwt";
import { cookies } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { signInSchema } from "@/lib/auth/credentials";
import type { StudySettings } from "@/lib/srs/settings";
import { CLIENT_ADDRESS_HEADER, readClientAddress } from "@/lib/net/client-address-header";
import { transactionalPrismaAdapter } from "@/server/auth-adapter";
import { db } from "@/server/db";
import { appEnv } from "@/server/env";
import { dummyHash, reserveHash, ServerBusy, verifyPassword } from "@/server/passwords";
import { decodeSessionCookie } from "@/server/session-cookie";
import { createSession, liveSession, needsRenewal, renewSession, SESSION_MAX_AGE_S } from "@/server/sessions";
import { checkSignInAttempt, clearPair } from "@/server/sign-in-throttle";

export class WrongCredentials extends CredentialsSignin {
  code = "wrong_credentials";
}
export class TooManyAttempts extends CredentialsSignin {
  code = "too_many_attempts";
}
export class Busy extends CredentialsSignin {
  code = "busy";
}

/**
 * The client address for per-address limits, as scripts/serve.ts resolved it from the socket
 * (and TRUST_PROXY_HOPS). A request that did not pass through serve.ts (next dev) counts as
 * "unknown": one shared bucket, never an address the client chose.
 */
export function clientIp(headers: Headers): string {
  return readClientAddress(headers.get(CLIENT_ADDRESS_HEADER), process.env.TRICKDECK_PEER_TOKEN) ?? "unknown";
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const nextAuth = NextAuth(() => {
  const env = appEnv();
  return {
    secret: env.authSecret,
    trustHost: true,
    session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_S },
    // a wrong password is not an error: one line, not a stack trace (see logger below)
    logger: {
      error(error) {
        if (error instanceof CredentialsSignin || (error as { type?: string }).type === "CredentialsSignin") return;
        console.error(`[auth] ${error.name}: ${error.message}`);
      },
      warn(code) {
        if (code !== "debug-enabled") console.warn(`[auth] warning: ${code}`);
      },
    },
    // the adapter stores OAuth accounts; password users are plain User rows
    ...(env.github ? { adapter: transactionalPrismaAdapter(db) } : {}),
    pages: { signIn: "/signin" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        authorize: async (raw, request) => {
          const parsed = signInSchema.safeParse(raw);
          if (!parsed.success) throw new WrongCredentials();
          const { email, password } = parsed.data;
          const address = clientIp(request.headers);
          // under a flood, refused before it costs anything: no database write, no hash
          if (!reserveHash()) throw new Busy();
          // counted before any hashing, so a flood costs a row update, not 75 ms of CPU
          const verdict = await checkSignInAttempt(db, email, address);
          if (!verdict.allowed) throw new TooManyAttempts();
          if (verdict.delayMs) await sleep(verdict.delayMs);
          const user = await db.user.findUnique({ where: { email }, select: { id: true, email: true, name: true, passwordHash: true } });
          let ok: boolean;
          try {
            // verify against a dummy hash when the email is unknown: same time, same answer
            ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password, { reserved: true });
          } catch (err) {
            if (err instanceof ServerBusy) throw new Busy();
            throw err;
          }
          if (!user || !user.passwordHash || !ok) throw new WrongCredentials();
          await clearPair(db, email, address);
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      ...(env.github ? [GitHub({ clientId: env.github.clientId, clientSecret: env.github.clientSecret })] : []),
    ],
    callbacks: {
      async jwt({ token, user }) {
        // at sign-in: open a server-side session; the cookie carries only its random id
        if (user?.id) token.sid = await createSession(db, user.id);
        return token;
      },
      session({ session, token }) {
        if (token.sub && session.user) session.user.id = token.sub;
        session.sid = typeof token.sid === "string" ? token.sid : undefined;
        return session;
      },
    },
  };
});

export const { handlers, signIn, signOut } = nextAuth;
export const auth = cache(nextAuth.auth);

export const githubEnabled = () => appEnv().github !== null;

export interface SessionUser {
  id: string;
  email: string;
  name: string | null;
}

// Auth.js's session cookie (secure variant on https); the name is also the JWT's key-derivation salt
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

interface CookieSession {
  userId: string;
  sid: string;
  cookie: string;
  token: JWT;
}

/**
 * The session cookie, decoded once per request (React cache): its user id and server-side session
 * id. Auth.js's own auth() would also re-encode the JWT (and its expiry) on every call; here the
 * cookie is only re-issued near the end of the session (renewIfDue).
 */
const cookieSession = cache(async (): Promise<CookieSession | null> => {
  const jar = await cookies();
  for (const cookie of SESSION_COOKIES) {
    // a token too large for one cookie is split into chunks: leave those to Auth.js
    if (jar.has(`${cookie}.0`)) return fromAuthJs();
    const value = jar.get(cookie)?.value;
    if (!value) continue;
    const token = await decodeSessionCookie(value, cookie, appEnv().authSecret);
    if (!token?.sub || typeof token.sid !== "string") return null;
    return { userId: token.sub, sid: token.sid, cookie, token };
  }
  return null;
});

async function fromAuthJs(): Promise<CookieSession | null> {
  const session = await auth();
  const id = session?.user?.id;
  const sid = session?.sid;
  return id && sid ? { userId: id, sid, cookie: "", token: {} } : null;
}

/**
 * Near its end, a session in use is renewed: a fresh cookie and a later end for its row. Only a
 * server action or route handler may set cookies; a page render skips it (the next action renews).
 */
async function renewIfDue(session: CookieSession, expires: Date) {
  if (!session.cookie || !needsRenewal(expires)) return;
  const secret = appEnv().authSecret;
  const value = await encode({ token: session.token, secret, salt: session.cookie, maxAge: SESSION_MAX_AGE_S });
  try {
    (await cookies()).set(session.cookie, value, { httpOnly: true, sameSite: "lax", path: "/", secure: session.cookie.startsWith("__Secure-"), maxAge: SESSION_MAX_AGE_S });
  } catch {
    return; // rendering a page: cookies are read-only here
  }
  await renewSession(db, session.sid, new Date(Date.now() + SESSION_MAX_AGE_S * 1000));
}

/** The id of the current server-side session, if the cookie carries one. */
export async function currentSessionId(): Promise<string | null> {
  return (await cookieSession())?.sid ?? null;
}

/**
 * The signed-in user and their study settings: a valid cookie AND a live server-side session row
 * (one read gives both); otherwise null.
 */
export const currentSession = cache(async (): Promise<{ user: SessionUser; settings: StudySettings } | null> => {
  const session = await cookieSession();
  if (!session) return null;
  const live = await liveSession(db, session.sid, session.userId);
  if (!live) return null;
  await renewIfDue(session, live.expires);
  return { user: live.user, settings: live.settings };
});

/** The signed-in user: a valid cookie AND a live server-side session row; otherwise null. */
export const currentUser = cache(async (): Promise<SessionUser | null> => (await currentSession())?.user ?? null);

/**
 * For pages: the signed-in user with their study settings (read with the session row, so a page
 * does not read them again), or a redirect to sign-in that comes back to `returnTo`.
 */
export async function requireSession(returnTo: string): Promise<{ user: SessionUser; settings: StudySettings }> {
  const session = await currentSession();
  if (!session) redirect(`/signin?next=${encodeURIComponent(returnTo)}`);
  return session;
}
