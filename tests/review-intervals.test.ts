// The interval on each grade button is the one the grade gives when pressed, with fuzz on:
// the label is computed when the card is shown, the grade some seconds later, on real SQLite.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS } from "@/lib/srs/settings";
import { recordReview } from "@/server/review/grade";
import { cardView } from "@/server/review/view";
import type { TestDb } from "./helpers/test-db";
import { twoUserDb } from "./helpers/two-users";

const settings = { ...DEFAULT_SETTINGS, enableFuzz: true };
const t0 = new Date("2026-03-02T10:00:00Z");
const DAY = 86_400_000;

let t: TestDb;
let alice: string;

beforeEach(async () => {
  ({ t, alice } = await twoUserDb());
});
afterEach(async () => {
  await t.close();
});

/** Shows the card at `shownAt`, presses `rating` `thinkMs` later; returns the label and what was stored. */
async function showThenPress(cardId: string, rating: 1 | 2 | 3 | 4, shownAt: Date, thinkMs: number) {
  const view = await cardView(t.db, alice, cardId, settings, shownAt);
  const pressedAt = new Date(shownAt.getTime() + thinkMs);
  await recordReview(t.db, alice, { cardId, expectedVersion: view!.version, rating, durationMs: thinkMs }, pressedAt, settings);
  const state = await t.db.cardState.findUniqueOrThrow({ where: { userId_cardId: { userId: alice, cardId } } });
  return { label: view!.intervals[rating], state, pressedAt };
}

/** Days as the buttons write them: "9d" below a month, "1.3mo" below a year (30.4375 days each), "1.3y". */
const asLabel = (days: number) =>
  days < 30 ? `${days}d` : days < 365 ? `${Number((days / 30.4375).toFixed(1))}mo` : `${Number((days / 365.25).toFixed(1))}y`;

describe("grade button labels under fuzz", () => {
  it("give exactly the interval the grade stores, for new and review cards", async () => {
    const cardIds = (await t.db.card.findMany({ select: { id: true }, orderBy: { id: "asc" } })).map((c) => c.id);
    expect(cardIds.length).toBeGreaterThanOrEqual(6);
    let compared = 0;
    // Easy on every new card, then three rounds of reviews when due, each a different grade
    const rounds: (1 | 2 | 3 | 4)[] = [4, 3, 2, 4];
    const nextShow = new Map(cardIds.map((id) => [id, t0]));
    for (const [round, rating] of rounds.entries()) {
      for (const [i, cardId] of cardIds.entries()) {
        const shownAt = new Date(nextShow.get(cardId)!.getTime() + (round === 0 ? i * 1000 : 3_600_000));
        const { label, state, pressedAt } = await showThenPress(cardId, rating, shownAt, 17_000 + i * 9_137);
        expect(state.state).toBe(2); // a review card: its interval is in days and fuzzed
        expect(state.due.getTime() - pressedAt.getTime()).toBe(state.scheduledDays * DAY);
        expect(`${cardId} ${rating}: ${label}`).toBe(`${cardId} ${rating}: ${asLabel(state.scheduledDays)}`);
        nextShow.set(cardId, state.due);
        compared++;
      }
    }
    expect(compared).toBe(rounds.length * cardIds.length);
  });
});
