import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CardList } from "@/components/tricks/card-list";
import { ReferenceList } from "@/components/tricks/reference-list";
import { SymptomList } from "@/components/tricks/symptom-list";
import { Markdown } from "@/components/ui/markdown";
import { currentSession } from "@/server/auth";
import { db } from "@/server/db";
import { getTrick } from "@/server/queries/catalogue";
import { trickProgress } from "@/server/queries/trick-progress";
import { count } from "@/lib/text/plural";

export const dynamic = "force-dynamic";

type Props = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const trick = await getTrick((await params).slug);
  return trick ? { title: trick.title, description: trick.summary } : { title: "Trick not found" };
}

export default async function TrickPage({ params }: Props) {
  const [trick, session] = await Promise.all([getTrick((await params).slug), currentSession()]);
  if (!trick) notFound();
  const progress = session ? Object.fromEntries(await trickProgress(db, session.user.id, trick.slug, session.settings, new Date())) : undefined;
  const studied = progress ? Object.values(progress).filter((p) => p.standing !== "new").length : 0;

  const sections = [
    { id: "what", title: "What it is", text: trick.what },
    { id: "why", title: "Why it works", text: trick.why },
    { id: "when", title: "When to use it", text: trick.when },
    { id: "details", title: "Details", text: trick.body },
  ].filter((s): s is { id: string; title: string; text: string } => !!s.text);

  return (
    <article className="space-y-8">
      <header>
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600 dark:text-slate-400">
          <Link href="/tricks" className="hover:underline">
            {trick.category.area.name}
          </Link>
          <span aria-hidden="true"> / </span>
          <Link href={`/categories/${trick.category.slug}`} className="hover:underline">
            {trick.category.name}
          </Link>
        </nav>
        <h1 className="mt-2 text-3xl font-bold tracking-tight">{trick.title}</h1>
        <p className="mt-3 text-lg text-slate-700 dark:text-slate-300">{trick.summary}</p>
        <p className="mt-3 text-sm text-slate-600 dark:text-slate-400">
          Name to remember: <strong className="text-slate-900 dark:text-white">{trick.name}</strong>
          {trick.aliases.length > 0 && <> · also called {trick.aliases.join(", ")}</>}
        </p>
        <ul className="mt-3 flex flex-wrap gap-2" aria-label="Tags">
          {trick.tags.map((t) => (
            <li key={t} className="badge">
              {t}
            </li>
          ))}
        </ul>
      </header>

      {trick.corrections.length > 0 && (
        <aside aria-labelledby="corrections" className="rounded-xl border border-amber-300 bg-amber-50 p-4 dark:border-amber-500/40 dark:bg-amber-500/10" data-testid="corrections">
          <h2 id="corrections" className="font-semibold text-amber-900 dark:text-amber-200">
            Correction to the upstream catalogue
          </h2>
          <ul className="mt-2 list-disc space-y-1 pl-5 text-sm text-amber-950 dark:text-amber-100">
            {trick.corrections.map((c) => (
              <li key={c}>
                <Markdown inline>{c}</Markdown>
              </li>
            ))}
          </ul>
        </aside>
      )}

      {sections.map((s) => (
        <section key={s.id} aria-labelledby={s.id}>
          <h2 id={s.id} className="mb-2 text-xl font-semibold">
            {s.title}
          </h2>
          <Markdown>{s.text}</Markdown>
        </section>
      ))}

      <SymptomList cards={trick.cards} />

      <section aria-labelledby="references">
        <h2 id="references" className="mb-2 text-xl font-semibold">
          References
        </h2>
        <ReferenceList references={trick.references} />
      </section>

      <section aria-labelledby="cards">
        <h2 id="cards" className="mb-1 text-xl font-semibold">
          Cards <span className="text-base font-normal text-slate-600 dark:text-slate-400">({trick.cards.length})</span>
        </h2>
        <p className="mb-3 text-sm text-slate-600 dark:text-slate-400" data-testid="trick-progress">
          {session ? (
            <>
              You have studied {studied} of {count(trick.cards.length, "card")}.{" "}
              <Link href={`/quiz?category=${trick.category.slug}`} className="link">
                Quiz {trick.category.name}
              </Link>
            </>
          ) : (
            <>
              <Link href={`/signin?next=/tricks/${trick.slug}`} className="link">
                Sign in
              </Link>{" "}
              to study these cards with spaced repetition and see your progress here.
            </>
          )}
        </p>
        <CardList cards={trick.cards} progress={progress} />
      </section>

      <nav aria-label="More in this category" className="flex flex-wrap justify-between gap-3 border-t border-slate-200 pt-6 text-sm dark:border-slate-800">
        {trick.previous ? (
          <Link href={`/tricks/${trick.previous.slug}`} className="link">
            ← {trick.previous.name}
          </Link>
        ) : (
          <span />
        )}
        {trick.next && (
          <Link href={`/tricks/${trick.next.slug}`} className="link">
            {trick.next.name} →
          </Link>
        )}
      </nav>
    </article>
  );
}
