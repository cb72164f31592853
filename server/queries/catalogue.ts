import "server-only";
import type { TrickDetail } from "@/lib/views/trick";
import { cache } from "react";
import { asStringArray } from "@/lib/content/json-fields";
import { symptomOfPrompt } from "@/lib/search/synonyms";
import type { AreaWithCategories, CategoryWithTricks, TrickSummary } from "@/lib/views/catalogue";
import { db } from "@/server/db";

export type { AreaWithCategories, CategoryWithTricks, TrickSummary };




const liveTrick = { archivedAt: null };

/** The whole catalogue (live tricks only), in catalogue order, with card counts. */
export const getCatalogue = cache(async (): Promise<AreaWithCategories[]> => {
  const areas = await db.area.findMany({
    orderBy: { position: "asc" },
    include: {
      categories: {
        orderBy: { position: "asc" },
        include: {
          tricks: {
            where: liveTrick,
            orderBy: { position: "asc" },
            include: {
              _count: { select: { cards: { where: { archivedAt: null } } } },
              cards: { where: { archivedAt: null, kind: "diagnose" }, select: { prompt: true }, orderBy: { position: "asc" } },
            },
          },
        },
      },
    },
  });
  return areas.map((a) => ({
    slug: a.slug,
    name: a.name,
    description: a.description,
    categories: a.categories.map((c) => ({
      slug: c.slug,
      name: c.name,
      description: c.description,
      areaSlug: a.slug,
      tricks: c.tricks.map((t) => ({
        slug: t.slug,
        name: t.name,
        title: t.title,
        summary: t.summary,
        tags: asStringArray(t.tags),
        aliases: asStringArray(t.aliases),
        searchText: [t.what, t.why, t.when, t.body].filter(Boolean).join("\n"),
        symptoms: t.cards.map((c) => symptomOfPrompt(c.prompt)),
        cardCount: t._count.cards,
        categorySlug: c.slug,
      })),
    })),
  }));
});

export const getCatalogueCounts = cache(async () => {
  const [tricks, cards, categories] = await Promise.all([
    db.trick.count({ where: liveTrick }),
    db.card.count({ where: { archivedAt: null } }),
    db.category.count(),
  ]);
  return { tricks, cards, categories };
});

export const getTrick = cache(async (slug: string): Promise<TrickDetail | null> => {
  const trick = await db.trick.findFirst({
    where: { slug, archivedAt: null },
    include: {
      category: { include: { area: true } },
      references: { orderBy: { position: "asc" } },
      cards: { where: { archivedAt: null }, orderBy: { position: "asc" } },
    },
  });
  if (!trick) return null;
  const siblings = await db.trick.findMany({
    where: { categorySlug: trick.categorySlug, archivedAt: null },
    orderBy: { position: "asc" },
    select: { slug: true, name: true },
  });
  const index = siblings.findIndex((s) => s.slug === slug);
  return {
    ...trick,
    tags: asStringArray(trick.tags),
    aliases: asStringArray(trick.aliases),
    corrections: asStringArray(trick.corrections),
    references: trick.references.map((r) => ({ ...r, authors: asStringArray(r.authors) })),
    previous: index > 0 ? siblings[index - 1] : null,
    next: index >= 0 && index < siblings.length - 1 ? siblings[index + 1] : null,
  };
});

export type { TrickDetail };

export const getCategory = cache(async (slug: string) => {
  const catalogue = await getCatalogue();
  for (const area of catalogue) {
    const category = area.categories.find((c) => c.slug === slug);
    if (category) return { area, category };
  }
  return null;
});
