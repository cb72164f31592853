"use client";

import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useDeferredValue, useMemo, useState } from "react";
import { buildTrickIndex, searchTricks } from "@/lib/search/trick-search";
import { count, noun } from "@/lib/text/plural";
import type { AreaWithCategories, TrickSummary } from "@/lib/views/catalogue";

interface Props {
  areas: AreaWithCategories[];
  initialQuery: string;
}

type Doc = TrickSummary & { categoryName: string };

export function CatalogueBrowser({ areas, initialQuery }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [query, setQuery] = useState(initialQuery);
  const deferred = useDeferredValue(query.trim());

  const { index, bySlug } = useMemo(() => {
    const docs: Doc[] = areas.flatMap((a) => a.categories.flatMap((c) => c.tricks.map((t) => ({ ...t, categoryName: c.name }))));
    const index = buildTrickIndex(docs.map((d) => ({ ...d, text: d.searchText })));
    return { index, bySlug: new Map(docs.map((d) => [d.slug, d])) };
  }, [areas]);

  const results = useMemo(() => {
    if (!deferred) return null;
    const found = searchTricks(index, deferred);
    return { mode: found.mode, tricks: found.slugs.map((slug) => bySlug.get(slug)!) };
  }, [deferred, index, bySlug]);

  const onChange = (value: string) => {
    setQuery(value);
    const params = value.trim() ? `?q=${encodeURIComponent(value.trim())}` : "";
    router.replace(`${pathname}${params}`, { scroll: false });
  };

  const n = results?.tricks.length ?? 0;
  return (
    <div>
      <div className="sticky top-[3.25rem] z-10 -mx-4 bg-slate-50/95 px-4 py-3 backdrop-blur dark:bg-slate-950/95 sm:top-[3.25rem]">
        <label htmlFor="trick-search" className="sr-only">
          Search tricks
        </label>
        <input
          id="trick-search"
          type="search"
          value={query}
          onChange={(e) => onChange(e.target.value)}
          placeholder="Search: dropout, Xavier, NaN…"
          className="w-full rounded-lg border border-slate-300 bg-white px-4 py-2.5 text-base shadow-sm placeholder:text-slate-500 dark:border-slate-700 dark:bg-slate-900 dark:placeholder:text-slate-400"
          autoComplete="off"
        />
      </div>

      {results ? (
        <section aria-live="polite" aria-label="Search results" className="mt-4">
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400" data-testid="search-summary">
            {n === 0
              ? `No trick matches “${deferred}”.`
              : results.mode === "any"
                ? `No trick has every word of “${deferred}”; ${count(n, "trick")} ${noun(n, "has", "have")} some of them.`
                : `${count(n, "trick")} ${noun(n, "matches", "match")} “${deferred}”.`}
          </p>
          <ul className="grid gap-3 sm:grid-cols-2">
            {results.tricks.map((t) => (
              <li key={t.slug}>
                <TrickTile trick={t} categoryName={t.categoryName} />
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <CategoryList areas={areas} />
      )}
    </div>
  );
}

function CategoryList({ areas }: { areas: AreaWithCategories[] }) {
  return (
    <div className="mt-4">
      {/* a jump list: on a phone the whole catalogue is many screens tall */}
      <nav aria-label="Jump to a category" className="card-surface p-4" data-testid="category-jump-list">
        <h2 className="text-sm font-semibold">Jump to a category</h2>
        {areas.map((area) => (
          <ul key={area.slug} className="mt-2 flex flex-wrap gap-2" aria-label={area.name}>
            {area.categories.map((c) => (
              <li key={c.slug}>
                <a href={`#cat-${c.slug}`} className="badge min-h-8 px-3 hover:bg-indigo-100 dark:hover:bg-indigo-500/20">
                  {c.name}
                </a>
              </li>
            ))}
          </ul>
        ))}
      </nav>
      <div className="mt-8 space-y-12">
        {areas.map((area) => (
          <section key={area.slug} aria-labelledby={`area-${area.slug}`}>
            <h2 id={`area-${area.slug}`} className="text-2xl font-bold tracking-tight">
              {area.name}
            </h2>
            <p className="mt-1 text-slate-600 dark:text-slate-400">{area.description}</p>
            <div className="mt-6 space-y-8">
              {area.categories.map((c) => (
                <section key={c.slug} aria-labelledby={`cat-${c.slug}`} data-testid="category" data-category={c.slug} className="scroll-mt-32">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h3 id={`cat-${c.slug}`} className="scroll-mt-32 text-lg font-semibold">
                      <Link prefetch={false} href={`/categories/${c.slug}`} className="hover:underline">
                        {c.name}
                      </Link>
                    </h3>
                    <span className="text-sm text-slate-600 dark:text-slate-400">
                      {count(c.tricks.length, "trick")} · {count(c.tricks.reduce((n, t) => n + t.cardCount, 0), "card")}
                    </span>
                  </div>
                  <ul className="mt-3 grid gap-3 sm:grid-cols-2">
                    {c.tricks.map((t) => (
                      <li key={t.slug}>
                        <TrickTile trick={t} />
                      </li>
                    ))}
                  </ul>
                </section>
              ))}
            </div>
            <a href="#trick-search" className="mt-4 inline-block text-sm link sm:hidden">
              Back to search
            </a>
          </section>
        ))}
      </div>
    </div>
  );
}

function TrickTile({ trick, categoryName }: { trick: TrickSummary; categoryName?: string }) {
  return (
    <Link
      prefetch={false}
      href={`/tricks/${trick.slug}`}
      data-testid="trick-link"
      className="card-surface block h-full p-3 transition hover:border-indigo-300 hover:shadow-md sm:p-4 dark:hover:border-indigo-500/60"
    >
      <span className="flex items-start justify-between gap-3">
        <span className="font-semibold text-slate-900 dark:text-white">{trick.title}</span>
        <span className="badge shrink-0">{count(trick.cardCount, "card")}</span>
      </span>
      {categoryName && <span className="mt-1 block text-xs font-medium uppercase tracking-wide text-indigo-700 dark:text-indigo-300">{categoryName}</span>}
      {/* two lines of summary on a phone keep the list short; the trick page has it all */}
      <span className="mt-2 line-clamp-2 block text-sm text-slate-600 sm:line-clamp-none dark:text-slate-400">{trick.summary}</span>
    </Link>
  );
}
