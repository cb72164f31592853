import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { SignUpForm } from "@/components/auth/sign-up-form";
import { safeNextPath } from "@/lib/auth/safe-redirect";
import { currentUser } from "@/server/auth";

export const metadata: Metadata = { title: "Create an account" };

export default async function SignUpPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const next = safeNextPath((await searchParams).next);
  if (await currentUser()) redirect(next);
  return (
    <div className="mx-auto max-w-sm">
      <h1 className="text-2xl font-bold tracking-tight">Create an account</h1>
      <p className="mt-1 text-sm text-slate-600 dark:text-slate-400">Free, and your data stays on this server.</p>
      <div className="card-surface mt-6 p-6">
        <SignUpForm next={next} />
      </div>
      <p className="mt-4 text-sm">
        Already have an account?{" "}
        <Link href={`/signin?next=${encodeURIComponent(next)}`} className="link">
          Sign in
        </Link>
      </p>
    </div>
  );
}
