// Content sync against a real, migrated SQLite file.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseCatalogue, type Catalogue } from "@/lib/content/parse";
import { syncContent } from "@/prisma/sync-content";
import { categoriesFile, trickFile } from "./helpers/content-fixtures";
import { createTestDb, type TestDb } from "./helpers/test-db";

const catalogueOf = (...files: ReturnType<typeof trickFile>[]): Catalogue => {
  const { catalogue, errors } = parseCatalogue(categoriesFile, files);
  expect(errors).toEqual([]);
  return catalogue!;
};

let t: TestDb;
beforeEach(async () => {
  t = await createTestDb();
});
afterEach(async () => {
  await t.close();
});

describe("content sync", () => {
  it("creates areas, categories, tricks, references and cards, and reports the counts", async () => {
    const stats = await syncContent(t.db, catalogueOf(trickFile(), trickFile({ slug: "other-trick", category: "training" })));
    expect(stats).toMatchObject({ tricks: 2, cards: 8, archived: 0 });
    expect(await t.db.area.count()).toBe(1);
    expect(await t.db.category.count()).toBe(2);
    expect(await t.db.trick.count()).toBe(2);
    expect(await t.db.card.count()).toBe(8);
    const ref = await t.db.reference.findFirstOrThrow({ where: { trickSlug: "fan-in-init" } });
    expect(ref).toMatchObject({ title: "Efficient BackProp", year: 1998, authors: ["Yann LeCun", "Léon Bottou"] });
  });

  it("writes nothing when run twice on the same content", async () => {
    const catalogue = catalogueOf(trickFile());
    await syncContent(t.db, catalogue);
    const snapshot = async () => ({
      tricks: await t.db.trick.findMany({ orderBy: { slug: "asc" } }),
      cards: await t.db.card.findMany({ orderBy: { id: "asc" } }),
      refs: await t.db.reference.findMany({ orderBy: { id: "asc" } }),
    });
    const before = await snapshot();
    const stats = await syncContent(t.db, catalogue, new Date("2030-01-01T00:00:00Z"));
    expect(stats).toMatchObject({ created: 0, updated: 0, archived: 0, unchanged: 4 });
    expect(await snapshot()).toEqual(before); // same rows, same updatedAt, same reference ids
  });

  it("updates an edited card in place, keeping its id and its review history", async () => {
    await syncContent(t.db, catalogueOf(trickFile()));
    const user = await t.db.user.create({ data: { email: "a@example.com" } });
    await t.db.reviewLog.create({ data: reviewLogRow(user.id, "fan-in-init/what") });

    const edited = trickFile();
    edited.text = edited.text.replace("Drawing weights with a spread of 1/sqrt(n) for n inputs.", "Weights drawn from [-v, v], v = 1/sqrt(n).");
    const stats = await syncContent(t.db, catalogueOf(edited));

    expect(stats).toMatchObject({ created: 0, updated: 1, unchanged: 3, archived: 0 });
    const card = await t.db.card.findUniqueOrThrow({ where: { id: "fan-in-init/what" } });
    expect(card.answer).toBe("Weights drawn from [-v, v], v = 1/sqrt(n).");
    expect(await t.db.reviewLog.count({ where: { cardId: "fan-in-init/what" } })).toBe(1);
  });

  it("archives a removed card and a removed trick instead of deleting them, and revives them when they return", async () => {
    await syncContent(t.db, catalogueOf(trickFile(), trickFile({ slug: "other-trick", category: "training" })));
    const user = await t.db.user.create({ data: { email: "b@example.com" } });
    await t.db.reviewLog.create({ data: reviewLogRow(user.id, "other-trick/why") });

    const withoutCloze = trickFile({
      cards: `cards:\n  - key: what\n    kind: what\n    prompt: In weight initialisation, what is fan-in scaling?\n    answer: Drawing weights with a spread of 1/sqrt(n) for n inputs.\n  - key: why\n    kind: why\n    prompt: Why does fan-in scaling keep units alike at the start?\n    answer: A unit's output variance grows with its number of inputs; dividing by sqrt(n) cancels that growth.`,
    });
    const when = new Date("2030-02-03T04:05:06Z");
    const stats = await syncContent(t.db, catalogueOf(withoutCloze), when);

    // the cloze card, plus the other trick and its 4 cards
    expect(stats.archived).toBe(6);
    expect((await t.db.card.findUniqueOrThrow({ where: { id: "fan-in-init/bound" } })).archivedAt).toEqual(when);
    expect((await t.db.trick.findUniqueOrThrow({ where: { slug: "other-trick" } })).archivedAt).toEqual(when);
    expect(await t.db.reviewLog.count({ where: { cardId: "other-trick/why" } })).toBe(1);

    await syncContent(t.db, catalogueOf(trickFile(), trickFile({ slug: "other-trick", category: "training" })));
    expect(await t.db.card.count({ where: { archivedAt: { not: null } } })).toBe(0);
    expect(await t.db.trick.count({ where: { archivedAt: { not: null } } })).toBe(0);
  });
});

describe("catalogue order", () => {
  const inOrder = async () =>
    (await t.db.card.findMany({ where: { archivedAt: null }, orderBy: { catalogueOrder: "asc" }, select: { id: true, trickSlug: true, position: true, catalogueOrder: true } }));
  const byCategoryThenPosition = (cards: { trickSlug: string; position: number; id: string }[], tricks: string[]) =>
    [...cards].sort((a, b) => tricks.indexOf(a.trickSlug) - tricks.indexOf(b.trickSlug) || a.position - b.position).map((c) => c.id);

  it("ranks every live card 1..n by category, then trick, then the card's position, and follows a reordering", async () => {
    await syncContent(t.db, catalogueOf(trickFile({ slug: "other-trick", category: "training" }), trickFile()));
    const first = await inOrder();
    // initialization comes before training in categories.yaml, whatever the files' order
    expect(first.map((c) => c.id)).toEqual(byCategoryThenPosition(first, ["fan-in-init", "other-trick"]));
    expect(first.map((c) => c.catalogueOrder)).toEqual(first.map((_, i) => i + 1));
    expect(first[0].id.startsWith("fan-in-init/")).toBe(true);

    // training moved first: the unchanged cards get their new ranks too
    const swapped = { ...categoriesFile, text: categoriesFile.text.replace(/(  - slug: initialization[\s\S]*?)(  - slug: training[\s\S]*)$/, "$2$1") };
    const { catalogue } = parseCatalogue(swapped, [trickFile(), trickFile({ slug: "other-trick", category: "training" })]);
    await syncContent(t.db, catalogue!);
    const second = await inOrder();
    expect(second.map((c) => c.id)).toEqual(byCategoryThenPosition(second, ["other-trick", "fan-in-init"]));
    expect(second[0].id.startsWith("other-trick/")).toBe(true);
  });
});

function reviewLogRow(userId: string, cardId: string) {
  const at = new Date("2030-01-01T10:00:00Z");
  return { userId, cardId, rating: 3, state: 0, due: at, stability: 0, difficulty: 0, elapsedDays: 0, lastElapsedDays: 0, scheduledDays: 0, learningSteps: 0, review: at, previousDue: at };
}
