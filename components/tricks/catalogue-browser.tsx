"use client";

import MiniSearch from "minisearch";
import Link from "next/link";
import { usePathname, useRouter } from "next/navigation";
import { useDeferredValue, useMemo, useState } from "react";
import type { AreaWithCategories, TrickSummary } from "@/server/queries/catalogue";

interface Props {
  areas: AreaWithCategories[];
  initialQuery: string;
}

type Doc = TrickSummary & { id: string; categoryName: string };

export function CatalogueBrowser({ areas, initialQuery }: Props) {
  const router = useRouter();
  const pathname = usePathname();
  const [query, setQuery] = useState(initialQuery);
  const deferred = useDeferredValue(query.trim());

  const { index, docs } = useMemo(() => {
    const docs: Doc[] = areas.flatMap((a) =>
      a.categories.flatMap((c) => c.tricks.map((t) => ({ ...t, id: t.slug, categoryName: c.name }))),
    );
    const index = new MiniSearch<Doc>({
      fields: ["name", "title", "aliases", "summary", "tags", "categoryName", "searchText"],
      extractField: (doc, field) => {
        const value = doc[field as keyof Doc];
        return Array.isArray(value) ? value.join(" ") : String(value ?? "");
      },
      searchOptions: { boost: { name: 4, title: 3, aliases: 3, tags: 2, summary: 2 }, prefix: true, fuzzy: 0.15 },
    });
    index.addAll(docs);
    return { index, docs };
  }, [areas]);

  const results = useMemo(() => {
    if (!deferred) return null;
    const bySlug = new Map(docs.map((d) => [d.slug, d]));
    return index.search(deferred).map((r) => bySlug.get(r.id as string)!);
  }, [deferred, index, docs]);

  const onChange = (value: string) => {
    setQuery(value);
    const params = value.trim() ? `?q=${encodeURIComponent(value.trim())}` : "";
    router.replace(`${pathname}${params}`, { scroll: false });
  };

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
          placeholder="Search tricks, papers, ideas… (e.g. dropout, Graves, log-sum-exp)"
          className="w-full rounded-lg border border-slate-300 bg-white px-4 py-2.5 text-base shadow-sm placeholder:text-slate-400 dark:border-slate-700 dark:bg-slate-900"
          autoComplete="off"
        />
      </div>

      {results ? (
        <section aria-live="polite" aria-label="Search results" className="mt-4">
          <p className="mb-3 text-sm text-slate-600 dark:text-slate-400">
            {results.length === 0 ? `No trick matches “${deferred}”.` : `${results.length} trick${results.length === 1 ? "" : "s"} match “${deferred}”.`}
          </p>
          <ul className="grid gap-3 sm:grid-cols-2">
            {results.map((t) => (
              <li key={t.slug}>
                <TrickTile trick={t} categoryName={t.categoryName} />
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <div className="mt-4 space-y-12">
          {areas.map((area) => (
            <section key={area.slug} aria-labelledby={`area-${area.slug}`}>
              <h2 id={`area-${area.slug}`} className="text-2xl font-bold tracking-tight">
                {area.name}
              </h2>
              <p className="mt-1 text-slate-600 dark:text-slate-400">{area.description}</p>
              <div className="mt-6 space-y-8">
                {area.categories.map((c) => (
                  <section key={c.slug} aria-labelledby={`cat-${c.slug}`} data-testid="category" data-category={c.slug}>
                    <div className="flex flex-wrap items-baseline justify-between gap-2">
                      <h3 id={`cat-${c.slug}`} className="text-lg font-semibold">
                        <Link href={`/categories/${c.slug}`} className="hover:underline">
                          {c.name}
                        </Link>
                      </h3>
                      <span className="text-sm text-slate-500 dark:text-slate-400">
                        {c.tricks.length} trick{c.tricks.length === 1 ? "" : "s"} · {c.tricks.reduce((n, t) => n + t.cardCount, 0)} cards
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
            </section>
          ))}
        </div>
      )}
    </div>
  );
}

function TrickTile({ trick, categoryName }: { trick: TrickSummary; categoryName?: string }) {
  return (
    <Link
      href={`/tricks/${trick.slug}`}
      data-testid="trick-link"
      className="card-surface block h-full p-4 transition hover:border-indigo-300 hover:shadow-md dark:hover:border-indigo-500/60"
    >
      <span className="flex items-start justify-between gap-3">
        <span className="font-semibold text-slate-900 dark:text-white">{trick.title}</span>
        <span className="badge shrink-0">{trick.cardCount} cards</span>
      </span>
      {categoryName && <span className="mt-1 block text-xs font-medium uppercase tracking-wide text-indigo-700 dark:text-indigo-300">{categoryName}</span>}
      <span className="mt-2 block text-sm text-slate-600 dark:text-slate-400">{trick.summary}</span>
    </Link>
  );
}
