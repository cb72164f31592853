import Link from "next/link";

/** An honest page for a section that is planned but not built yet: no fake data. */
export function NotYetAvailable({ title, plan }: { title: string; plan: string[] }) {
  return (
    <div className="max-w-2xl">
      <h1 className="text-3xl font-bold tracking-tight">{title}</h1>
      <p className="mt-4 rounded-lg border border-slate-300 bg-white p-4 text-slate-700 dark:border-slate-700 dark:bg-slate-900 dark:text-slate-300" role="status">
        This section is not available yet. It needs accounts, which arrive in the next release.
      </p>
      <h2 className="mt-6 font-semibold">What it will do</h2>
      <ul className="mt-2 list-disc space-y-1 pl-6 text-slate-700 dark:text-slate-300">
        {plan.map((p) => (
          <li key={p}>{p}</li>
        ))}
      </ul>
      <p className="mt-6">
        Meanwhile, every card can be read and self-tested on its trick page:{" "}
        <Link href="/tricks" className="link">
          browse the catalogue
        </Link>
        .
      </p>
    </div>
  );
}
