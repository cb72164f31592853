import Link from "next/link";
import { count } from "@/lib/text/plural";
import type { AreaWithCategories } from "@/lib/views/catalogue";

/** The signed-out home page: what Trickdeck is, and the catalogue by area. */
export function Landing({ areas, counts }: { areas: AreaWithCategories[]; counts: { tricks: number; cards: number; categories: number } }) {
  return (
    <div className="space-y-12">
      <section className="pt-4">
        <h1 className="max-w-2xl text-4xl font-bold tracking-tight sm:text-5xl">Remember the tricks that make deep networks train.</h1>
        <p className="mt-4 max-w-2xl text-lg text-slate-600 dark:text-slate-300">
          Trickdeck turns a catalogue of practical deep-learning tricks and architectures into flashcards: what each one is, why
          it works, and the paper it comes from. Read a trick, then let spaced repetition keep it in your head.
        </p>
        <div className="mt-6 flex flex-wrap gap-3">
          <Link href="/tricks" className="btn-primary">
            Browse the catalogue
          </Link>
          <Link href="/review" className="btn-ghost">
            Start reviewing
          </Link>
        </div>
        <dl className="mt-8 grid max-w-lg grid-cols-3 gap-4" data-testid="home-counts">
          {[
            ["Tricks", counts.tricks],
            ["Cards", counts.cards],
            ["Categories", counts.categories],
          ].map(([label, value]) => (
            <div key={label} className="card-surface p-4">
              <dt className="text-sm text-slate-600 dark:text-slate-400">{label}</dt>
              <dd className="text-2xl font-bold">{value}</dd>
            </div>
          ))}
        </dl>
      </section>
      <CatalogueByArea areas={areas} />
    </div>
  );
}

export function CatalogueByArea({ areas }: { areas: AreaWithCategories[] }) {
  return (
    <>
      {areas.map((area) => (
        <section key={area.slug} aria-labelledby={`home-${area.slug}`}>
          <h2 id={`home-${area.slug}`} className="text-xl font-semibold">
            {area.name}
          </h2>
          <ul className="mt-3 grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
            {area.categories.map((c) => (
              <li key={c.slug}>
                <Link href={`/categories/${c.slug}`} className="card-surface block h-full p-4 hover:border-indigo-300 dark:hover:border-indigo-500/60">
                  <span className="font-semibold">{c.name}</span>
                  <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">{c.description}</span>
                  <span className="mt-2 block text-xs text-slate-600 dark:text-slate-400" data-testid="category-trick-count">
                    {count(c.tricks.length, "trick")}
                  </span>
                </Link>
              </li>
            ))}
          </ul>
        </section>
      ))}
    </>
  );
}
