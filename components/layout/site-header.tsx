import Link from "next/link";
import { signOutUser } from "@/server/actions/sign-out";
import { currentUser } from "@/server/auth";
import { NavLink } from "./nav-link";
import { ThemeToggle } from "./theme-toggle";

export const MAIN_SECTIONS = [
  { href: "/review", label: "Review" },
  { href: "/quiz", label: "Quiz" },
  { href: "/progress", label: "Progress" },
  { href: "/tricks", label: "Tricks" },
] as const;

export async function SiteHeader() {
  const user = await currentUser();
  return (
    <header className="sticky top-0 z-20 border-b border-slate-200 bg-white/85 backdrop-blur dark:border-slate-800 dark:bg-slate-950/85">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
        <Link href="/" className="flex items-center gap-2 rounded-md py-1 text-lg font-bold tracking-tight">
          <span aria-hidden="true" className="grid h-7 w-7 place-items-center rounded-md bg-indigo-600 text-sm text-white">
            T
          </span>
          Trickdeck
        </Link>
        <nav aria-label="Main" className="order-3 -mx-1 flex w-full gap-1 overflow-x-auto sm:order-none sm:mx-0 sm:w-auto">
          {MAIN_SECTIONS.map((s) => (
            <NavLink key={s.href} href={s.href}>
              {s.label}
            </NavLink>
          ))}
        </nav>
        <div className="ml-auto flex items-center gap-2">
          {user ? (
            <>
              <span className="hidden max-w-40 truncate text-sm text-slate-600 lg:inline dark:text-slate-300" data-testid="signed-in-as">
                {user.name ?? user.email}
              </span>
              {/* settings has its own visible place at every width, marked when it is the current page */}
              <NavLink href="/settings">Settings</NavLink>
              <form action={signOutUser}>
                <button type="submit" className="btn-ghost h-9 px-3">
                  Sign out
                </button>
              </form>
            </>
          ) : (
            <Link href="/signin" className="btn-primary h-9 px-3">
              Sign in
            </Link>
          )}
          <ThemeToggle />
        </div>
      </div>
    </header>
  );
}
