import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { getCategory } from "@/server/queries/catalogue";
import { count } from "@/lib/text/plural";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const found = await getCategory((await params).slug);
  return { title: found ? found.category.name : "Category not found" };
}

export default async function CategoryPage({ params }: Props) {
  const found = await getCategory((await params).slug);
  if (!found) notFound();
  const { area, category } = found;
  const cards = category.tricks.reduce((n, t) => n + t.cardCount, 0);
  return (
    <div>
      <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
        <Link href="/tricks" className="hover:underline">
          {area.name}
        </Link>
      </nav>
      <h1 className="mt-2 text-3xl font-bold tracking-tight">{category.name}</h1>
      <p className="mt-2 text-slate-600 dark:text-slate-400">{category.description}</p>
      <p className="mt-1 flex flex-wrap items-center gap-3 text-sm text-slate-600 dark:text-slate-400">
        {count(category.tricks.length, "trick")} · {count(cards, "card")}
        <Link href={`/quiz?category=${category.slug}`} className="link">
          Quiz this category
        </Link>
      </p>
      <ol className="mt-6 space-y-3">
        {category.tricks.map((t) => (
          <li key={t.slug}>
            <Link prefetch={false} href={`/tricks/${t.slug}`} className="card-surface block p-4 hover:border-indigo-300 dark:hover:border-indigo-500/60" data-testid="trick-link">
              <span className="font-semibold">{t.title}</span>
              <span className="mt-1 block text-sm text-slate-600 dark:text-slate-400">{t.summary}</span>
            </Link>
          </li>
        ))}
      </ol>
    </div>
  );
}
