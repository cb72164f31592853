import "server-only";
import { PrismaAdapter } from "@auth/prisma-adapter";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import GitHub from "next-auth/providers/github";
import { redirect } from "next/navigation";
import { cache } from "react";
import { signInSchema } from "@/lib/auth/credentials";
import { db } from "@/server/db";
import { appEnv } from "@/server/env";
import { dummyHash, verifyPassword } from "@/server/passwords";
import { allowSignInAttempt, clearEmail } from "@/server/sign-in-throttle";

export class WrongCredentials extends CredentialsSignin {
  code = "wrong_credentials";
}
export class TooManyAttempts extends CredentialsSignin {
  code = "too_many_attempts";
}

/**
 * The client address for per-IP limits: the right-most X-Forwarded-For entry, the one added by
 * the nearest proxy (Next.js sets the header from the socket when no proxy did). Per-email limits
 * do not depend on it.
 */
export function clientIp(headers: Headers): string {
  const hops = headers.get("x-forwarded-for")?.split(",").map((h) => h.trim()).filter(Boolean) ?? [];
  return hops.at(-1) || headers.get("x-real-ip") || "local";
}

const nextAuth = NextAuth(() => {
  const env = appEnv();
  return {
    secret: env.authSecret,
    trustHost: true,
    session: { strategy: "jwt" },
    // the adapter stores OAuth accounts; password users are plain User rows
    ...(env.github ? { adapter: PrismaAdapter(db as unknown as Parameters<typeof PrismaAdapter>[0]) } : {}),
    pages: { signIn: "/signin" },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        authorize: async (raw, request) => {
          const parsed = signInSchema.safeParse(raw);
          if (!parsed.success) throw new WrongCredentials();
          const { email, password } = parsed.data;
          if (!(await allowSignInAttempt(email, clientIp(request.headers)))) throw new TooManyAttempts();
          const user = await db.user.findUnique({ where: { email } });
          // verify against a dummy hash when the email is unknown: same time, same answer
          const ok = await verifyPassword(user?.passwordHash ?? (await dummyHash()), password);
          if (!user || !user.passwordHash || !ok) throw new WrongCredentials();
          await clearEmail(email);
          return { id: user.id, email: user.email, name: user.name };
        },
      }),
      ...(env.github ? [GitHub({ clientId: env.github.clientId, clientSecret: env.github.clientSecret })] : []),
    ],
    callbacks: {
      session({ session, token }) {
        if (token.sub && session.user) session.user.id = token.sub;
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

/** The signed-in user (checked against the database), or null. */
export const currentUser = cache(async (): Promise<SessionUser | null> => {
  const session = await auth();
  const id = session?.user?.id;
  if (!id) return null;
  return db.user.findUnique({ where: { id }, select: { id: true, email: true, name: true } });
});

/** For pages: the signed-in user, or a redirect to sign-in that comes back to `returnTo`. */
export async function requireUser(returnTo: string): Promise<SessionUser> {
  const user = await currentUser();
  if (!user) redirect(`/signin?next=${encodeURIComponent(returnTo)}`);
  return user;
}
