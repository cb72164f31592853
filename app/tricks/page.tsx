import type { Metadata } from "next";
import { CatalogueBrowser } from "@/components/tricks/catalogue-browser";
import { getCatalogue, getCatalogueCounts } from "@/server/queries/catalogue";
import { count } from "@/lib/text/plural";

export const dynamic = "force-dynamic";
export const metadata: Metadata = { title: "Tricks" };

export default async function TricksPage({ searchParams }: { searchParams: Promise<{ q?: string | string[] }> }) {
  const [areas, counts, params] = await Promise.all([getCatalogue(), getCatalogueCounts(), searchParams]);
  const q = typeof params.q === "string" ? params.q : "";
  return (
    <div>
      <h1 className="text-3xl font-bold tracking-tight">The catalogue</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400" data-testid="catalogue-counts">
        {count(counts.tricks, "trick")} and architectures in {count(counts.categories, "category", "categories")}, {count(counts.cards, "card")}.
      </p>
      <CatalogueBrowser areas={areas} initialQuery={q} />
    </div>
  );
}
