// Writes the validated catalogue into the database. Idempotent: rows whose content hash is
// unchanged are not touched, so a second run writes nothing. Removed tricks and cards are
// archived (archivedAt), never deleted, so review history survives; a returning one is revived.
import { buildCards, hashOf } from "../lib/content/cards";
import type { Catalogue, Trick } from "../lib/content/parse";
import type { PrismaClient } from "../generated/prisma/client";
import { dialectOf } from "./dialects/dialect";

export interface SyncStats {
  tricks: number;
  cards: number;
  created: number;
  updated: number;
  archived: number;
  unchanged: number;
}

const trickHash = (t: Trick, position: number) =>
  hashOf([t.category, t.title, t.name, t.summary, t.what, t.why, t.when, t.body, t.aliases, t.tags, t.corrections, t.references, position]);

function trickRow(t: Trick, position: number) {
  return {
    categorySlug: t.category,
    title: t.title,
    name: t.name,
    summary: t.summary,
    what: t.what,
    why: t.why ?? null,
    when: t.when ?? null,
    body: t.body,
    aliases: t.aliases,
    tags: t.tags,
    corrections: t.corrections,
    position,
    contentHash: trickHash(t, position),
    archivedAt: null,
  };
}

/**
 * Each card's rank (from 1) in the order new cards are introduced: by category position, then
 * trick position, then the card's position in its trick, then id (the order queueHead relies on).
 */
export function catalogueOrder(catalogue: Catalogue, cardsByTrick = catalogue.tricks.map((trick) => buildCards(trick))): Map<string, number> {
  const categoryPosition = new Map(catalogue.categories.map((c, i) => [c.slug, i]));
  const cards = catalogue.tricks.flatMap((trick, trickPosition) =>
    cardsByTrick[trickPosition].map((card) => ({ id: card.id, key: [categoryPosition.get(trick.category) ?? Number.MAX_SAFE_INTEGER, trickPosition, card.position] })),
  );
  cards.sort((a, b) => a.key[0] - b.key[0] || a.key[1] - b.key[1] || a.key[2] - b.key[2] || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  return new Map(cards.map((c, i) => [c.id, i + 1]));
}

export async function syncContent(db: PrismaClient, catalogue: Catalogue, now = new Date()): Promise<SyncStats> {
  const stats: SyncStats = { tricks: catalogue.tricks.length, cards: 0, created: 0, updated: 0, archived: 0, unchanged: 0 };
  const count = (kind: "created" | "updated" | "unchanged") => stats[kind]++;

  await db.$transaction(async (tx) => {
    // two instances starting at once: the second waits here, then finds the first one's rows
    await dialectOf(db).lockForWrite(tx);
    // areas and categories: a handful of rows, compared field by field
    const areas = new Map((await tx.area.findMany()).map((a) => [a.slug, a]));
    for (const [position, a] of catalogue.areas.entries()) {
      const row = { name: a.name, description: a.description, position };
      const old = areas.get(a.slug);
      if (!old) {
        await tx.area.create({ data: { slug: a.slug, ...row } });
        count("created");
      } else if (old.name !== row.name || old.description !== row.description || old.position !== position) {
        await tx.area.update({ where: { slug: a.slug }, data: row });
        count("updated");
      }
    }
    const categories = new Map((await tx.category.findMany()).map((c) => [c.slug, c]));
    for (const [position, c] of catalogue.categories.entries()) {
      const row = { areaSlug: c.area, name: c.name, description: c.description, position };
      const old = categories.get(c.slug);
      if (!old) {
        await tx.category.create({ data: { slug: c.slug, ...row } });
        count("created");
      } else if (old.areaSlug !== row.areaSlug || old.name !== row.name || old.description !== row.description || old.position !== position) {
        await tx.category.update({ where: { slug: c.slug }, data: row });
        count("updated");
      }
    }

    const oldTricks = new Map((await tx.trick.findMany({ select: { slug: true, contentHash: true, archivedAt: true } })).map((t) => [t.slug, t]));
    const oldCards = new Map(
      (await tx.card.findMany({ select: { id: true, contentHash: true, archivedAt: true, catalogueOrder: true } })).map((c) => [c.id, c]),
    );
    const liveCardIds = new Set<string>();
    const cardsByTrick = catalogue.tricks.map((trick) => buildCards(trick));
    const order = catalogueOrder(catalogue, cardsByTrick);

    for (const [position, trick] of catalogue.tricks.entries()) {
      const row = trickRow(trick, position);
      const old = oldTricks.get(trick.slug);
      if (!old) {
        await tx.trick.create({ data: { slug: trick.slug, ...row } });
        count("created");
      } else if (old.contentHash !== row.contentHash || old.archivedAt) {
        await tx.trick.update({ where: { slug: trick.slug }, data: row });
        count("updated");
      }
      if (!old || old.contentHash !== row.contentHash) {
        // references carry no history of their own: rewrite them with the trick
        await tx.reference.deleteMany({ where: { trickSlug: trick.slug } });
        await tx.reference.createMany({
          data: trick.references.map((r, i) => ({
            trickSlug: trick.slug,
            position: i,
            title: r.title ?? null,
            authors: r.authors ?? [],
            year: r.year ?? null,
            venue: r.venue ?? null,
            url: r.url ?? null,
            unknown: r.unknown ?? false,
            note: r.note ?? null,
          })),
        });
      }

      for (const card of cardsByTrick[position]) {
        stats.cards++;
        liveCardIds.add(card.id);
        const oldCard = oldCards.get(card.id);
        const catalogueOrder = order.get(card.id)!;
        const data = { kind: card.kind, prompt: card.prompt, answer: card.answer, position: card.position, catalogueOrder, contentHash: card.contentHash, archivedAt: null };
        if (!oldCard) {
          await tx.card.create({ data: { id: card.id, trickSlug: card.trickSlug, key: card.key, ...data } });
          count("created");
        } else if (oldCard.contentHash !== card.contentHash || oldCard.archivedAt || oldCard.catalogueOrder !== catalogueOrder) {
          await tx.card.update({ where: { id: card.id }, data });
          count("updated");
        } else count("unchanged");
      }
    }

    const liveTricks = new Set(catalogue.tricks.map((t) => t.slug));
    const goneTricks = [...oldTricks.values()].filter((t) => !liveTricks.has(t.slug) && !t.archivedAt).map((t) => t.slug);
    const goneCards = [...oldCards.values()].filter((c) => !liveCardIds.has(c.id) && !c.archivedAt).map((c) => c.id);
    if (goneTricks.length) await tx.trick.updateMany({ where: { slug: { in: goneTricks } }, data: { archivedAt: now } });
    if (goneCards.length) await tx.card.updateMany({ where: { id: { in: goneCards } }, data: { archivedAt: now } });
    stats.archived = goneTricks.length + goneCards.length;
  }, { timeout: 180_000, maxWait: 60_000 }); // long: a second instance waits on the lock inside it

  if (stats.created + stats.updated + stats.archived > 0) await dialectOf(db).afterContentSync(db);
  return stats;
}
