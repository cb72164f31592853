import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { signInWithGitHub } from "@/server/actions/sign-in";
import { currentUser, githubEnabled } from "@/server/auth";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<{ next?: string; signedOut?: string }> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next);
  if (await currentUser()) redirect(next);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold tracking-tight">Sign in</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Your reviews and schedule are kept per account.</p>
      {params.signedOut === "everywhere" && (
        <p role="status" className="mt-3 rounded-lg border border-emerald-300 bg-emerald-50 px-3 py-2 text-sm text-emerald-800 dark:border-emerald-500/40 dark:bg-emerald-500/10 dark:text-emerald-200">
          You are signed out on every device.
        </p>
      )}
      <div className="card-surface mt-6 p-6">
        <SignInForm next={next} />
        {githubEnabled() && (
          <form action={signInWithGitHub} className="mt-4">
            <input type="hidden" name="next" value={next} />
            <button type="submit" className="btn-ghost w-full">
              Sign in with GitHub
            </button>
          </form>
        )}
      </div>
      <p className="mt-4 text-sm">
        New here?{" "}
        <Link href={`/signup?next=${encodeURIComponent(next)}`} className="link">
          Create an account
        </Link>
      </p>
    </div>
  );
}
