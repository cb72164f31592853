// Issue 12 "Done when": rewording the content keeps every learner's history. Syncs an old content
// set, grades cards, then syncs a new set in which one card is reworded (same key), one is split
// (old key gone, two new keys) and symptoms are added; all on a real SQLite file.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { parseCatalogue, type Catalogue } from "@/lib/content/parse";
import { DEFAULT_SETTINGS } from "@/lib/srs/settings";
import { syncContent } from "@/prisma/sync-content";
import { recordReview } from "@/server/review/grade";
import { categoriesFile, trickFile } from "./helpers/content-fixtures";
import { createTestDb, type TestDb } from "./helpers/test-db";

const settings = { ...DEFAULT_SETTINGS, enableFuzz: false };
const day = (n: number) => new Date(Date.UTC(2026, 2, 1 + n, 9));
const card = (key: string, kind: string, prompt: string, answer: string) => `\n  - key: ${key}\n    kind: ${kind}\n    prompt: "${prompt}"\n    answer: "${answer}"`;

const WHAT = card("what", "what", "In weight initialisation, what is fan-in scaling?", "Drawing weights with a spread of 1/sqrt(n) for n inputs.");
const WHY = card("why", "why", "Why does fan-in scaling keep units alike at the start?", "Output variance grows with the number of inputs; dividing by sqrt(n) cancels it.");
const OLD_FACT = card("fact-bias", "fact", "In fan-in scaling, what happens to biases and which layers get it?", "Biases start at zero, and every dense or convolutional layer is scaled.");
const NEW_FACTS =
  card("fact-biases", "fact", "In fan-in scaling, what value do biases start at?", "Zero.") +
  card("fact-layers", "fact", "In fan-in scaling, which layers are scaled?", "Every dense or convolutional layer.");
const WHEN_OLD = card("when", "when", "In which situation would you reach for fan-in scaling?", "When a deep net's activations shrink or blow up at the start.");
const WHEN_NEW = card("when", "when", "You build a deep tanh network from scratch; which initialisation do you reach for?", "Fan-in scaling, so activations neither shrink nor blow up.");
const SYMPTOMS = `symptoms:
  - key: dead-start
    text: Activations of deep layers are all near zero from the first step.
    because: Scaling by the number of inputs keeps each layer's output variance near one.`;

function contentSet(version: "old" | "new"): Catalogue {
  const cards = version === "old" ? `cards:${WHAT}${WHY}${OLD_FACT}${WHEN_OLD}` : `cards:${WHAT}${WHY}${NEW_FACTS}${WHEN_NEW}`;
  const other = trickFile({ slug: "other-trick", category: "training" }); // untouched by the rewrite
  const { catalogue, errors } = parseCatalogue(categoriesFile, [trickFile({ cards, extra: version === "new" ? SYMPTOMS : "" }), other]);
  expect(errors).toEqual([]);
  return catalogue!;
}

let t: TestDb;
beforeEach(() => {
  t = createTestDb();
});
afterEach(async () => {
  await t.close();
});

const historyOf = async (cardIds: string[]) => ({
  states: await t.db.cardState.findMany({ where: { cardId: { in: cardIds } }, orderBy: { cardId: "asc" } }),
  logs: await t.db.reviewLog.findMany({ where: { cardId: { in: cardIds } }, orderBy: { id: "asc" } }),
});

describe("content history across a rewrite", () => {
  it("keeps states on unchanged and reworded ids, archives the split card with its history, and adds the new cards", async () => {
    await syncContent(t.db, contentSet("old"), day(0));
    const alice = (await t.db.user.create({ data: { email: "alice@example.com" } })).id;
    const graded = ["fan-in-init/what", "fan-in-init/why", "fan-in-init/fact-bias", "fan-in-init/when", "other-trick/what"];
    for (const [i, cardId] of graded.entries()) {
      await recordReview(t.db, alice, { cardId, expectedVersion: 0, rating: 3, durationMs: 4000 }, day(1), settings);
      await recordReview(t.db, alice, { cardId, expectedVersion: 1, rating: i % 2 ? 1 : 3, durationMs: 5000 }, day(2), settings);
    }
    const unchanged = ["fan-in-init/what", "fan-in-init/why", "other-trick/what"];
    const before = { unchanged: await historyOf(unchanged), reworded: await historyOf(["fan-in-init/when"]), split: await historyOf(["fan-in-init/fact-bias"]) };
    expect(before.unchanged.logs).toHaveLength(6);

    const syncedAt = day(3);
    const stats = await syncContent(t.db, contentSet("new"), syncedAt);
    expect(stats.archived).toBe(1); // only the split card

    // unchanged ids: state and log rows byte-identical (same versions, dates, FSRS fields)
    expect(await historyOf(unchanged)).toEqual(before.unchanged);
    // reworded card: new text under the same id, its state and log kept
    const when = await t.db.card.findUniqueOrThrow({ where: { id: "fan-in-init/when" } });
    expect(when).toMatchObject({ archivedAt: null, prompt: "You build a deep tanh network from scratch; which initialisation do you reach for?" });
    expect(await historyOf(["fan-in-init/when"])).toEqual(before.reworded);
    // split card: archived, not deleted; its history is still there
    expect((await t.db.card.findUniqueOrThrow({ where: { id: "fan-in-init/fact-bias" } })).archivedAt).toEqual(syncedAt);
    expect(await historyOf(["fan-in-init/fact-bias"])).toEqual(before.split);
    expect(before.split.logs).toHaveLength(2);
    // new cards: the two halves and the diagnose card, live and not yet studied
    const fresh = await t.db.card.findMany({ where: { id: { in: ["fan-in-init/fact-biases", "fan-in-init/fact-layers", "fan-in-init/symptom-dead-start"] } }, orderBy: { id: "asc" } });
    expect(fresh.map((c) => [c.id, c.kind, c.archivedAt])).toEqual([
      ["fan-in-init/fact-biases", "fact", null],
      ["fan-in-init/fact-layers", "fact", null],
      ["fan-in-init/symptom-dead-start", "diagnose", null],
    ]);
    expect(await t.db.cardState.count({ where: { cardId: { in: fresh.map((c) => c.id) } } })).toBe(0);

    // the reworded card's schedule goes on from its kept state
    const next = await recordReview(t.db, alice, { cardId: "fan-in-init/when", expectedVersion: 2, rating: 3, durationMs: 3000 }, day(9), settings);
    expect(next.version).toBe(3);
  });
});
