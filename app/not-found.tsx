import Link from "next/link";

export default function NotFound() {
  return (
    <div className="max-w-xl">
      <h1 className="text-3xl font-bold tracking-tight">Not found</h1>
      <p className="mt-3 text-slate-600 dark:text-slate-400">There is no page at this address. The trick may have been renamed or archived.</p>
      <Link href="/tricks" className="btn-primary mt-6">
        Browse the catalogue
      </Link>
    </div>
  );
}
