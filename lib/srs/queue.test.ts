import { describe, expect, it } from "vitest";
import { buildQueue, remainingToday, type QueueCard, type QueueInput } from "./queue";
import { gradeCard } from "./scheduler";
import { DEFAULT_SETTINGS } from "./settings";
import type { Card } from "ts-fsrs";

const now = new Date("2026-05-10T12:00:00Z");
const dayEnd = new Date("2026-05-11T04:00:00Z");
const min = (m: number) => new Date(now.getTime() + m * 60_000);
const learning = (id: string, m: number, state = 1) => ({ cardId: id, due: min(m), state });
const review = (id: string, m: number) => ({ cardId: id, due: min(m), state: 2 });
const fresh = (id: string) => ({ cardId: id, due: null, state: 0 });

const input = (over: Partial<QueueInput> = {}): QueueInput => ({
  now,
  dayEnd,
  learning: [],
  reviews: [],
  newCards: [],
  doneToday: { newCards: 0, reviews: 0 },
  limits: { newCardsPerDay: 20, reviewsPerDay: 200 },
  ...over,
});

describe("the review queue", () => {
  it("puts due learning and relearning cards first, then reviews by due date, then new cards in order", () => {
    const q = buildQueue(
      input({
        learning: [learning("l2", -1, 3), learning("l1", -5)],
        reviews: [review("r2", 60), review("r1", -600)],
        newCards: [fresh("n1"), fresh("n2")],
      }),
    );
    expect(q.cards.map((c) => c.cardId)).toEqual(["l1", "l2", "r1", "r2", "n1", "n2"]);
    expect(q.counts).toEqual({ learning: 2, review: 2, new: 2 });
  });

  it("leaves out cards due after the study day ends", () => {
    const q = buildQueue(input({ reviews: [review("today", 60), review("tomorrow", 24 * 60)] }));
    expect(q.cards.map((c) => c.cardId)).toEqual(["today"]);
  });

  it("stops new cards at the daily new-card limit, counting those already introduced today", () => {
    const q = buildQueue(input({ newCards: ["a", "b", "c", "d"].map(fresh), doneToday: { newCards: 18, reviews: 0 } }));
    expect(q.cards.map((c) => c.cardId)).toEqual(["a", "b"]);
  });

  it("stops at the daily review limit, which counts new cards too", () => {
    const limits = { newCardsPerDay: 20, reviewsPerDay: 5 };
    const q = buildQueue(input({ limits, reviews: ["r1", "r2", "r3"].map((id, i) => review(id, -i)), newCards: ["n1", "n2", "n3"].map(fresh), doneToday: { newCards: 0, reviews: 1 } }));
    expect(q.cards.map((c) => c.cardId)).toEqual(["r3", "r2", "r1", "n1"]);
    expect(remainingToday({ newCards: 2, reviews: 3 }, limits, 10)).toEqual({ reviews: 0, newCards: 0 });
  });

  it("never holds back learning steps of cards already started", () => {
    const q = buildQueue(input({ learning: [learning("l", -1)], doneToday: { newCards: 20, reviews: 200 } }));
    expect(q.cards.map((c) => c.cardId)).toEqual(["l"]);
  });

  it("shows learning cards due within 20 minutes only when nothing else is left, and reports the rest as later", () => {
    const soon = learning("soon", 10);
    const later = learning("later", 45);
    const busy = buildQueue(input({ learning: [soon, later], newCards: [fresh("n")] }));
    expect(busy.cards.map((c) => c.cardId)).toEqual(["n"]);
    expect(busy.later).toEqual({ count: 2, nextDue: soon.due });

    const idle = buildQueue(input({ learning: [later, soon] }));
    expect(idle.cards.map((c) => c.cardId)).toEqual(["soon"]);
    expect(idle.later).toEqual({ count: 1, nextDue: later.due });
  });

  it("is empty with nothing due", () => {
    expect(buildQueue(input())).toEqual({ cards: [], counts: { learning: 0, review: 0, new: 0 }, later: { count: 0, nextDue: null } });
  });

  it("counts learning steps due later today as left, so the total never jumps up", () => {
    const q = buildQueue(input({ learning: [learning("now", -1), learning("in-an-hour", 60), learning("tomorrow", 24 * 60)], newCards: [fresh("n")] }));
    expect(q.cards.map((c) => c.cardId)).toEqual(["now", "n"]);
    expect(q.counts).toEqual({ learning: 2, review: 0, new: 1 });
  });
});

describe("a day's session with default learning steps", () => {
  it("moves the progress bar only forward, whatever the grades", () => {
    const settings = DEFAULT_SETTINGS;
    const ratings = [3, 1, 3, 2, 4, 3, 1, 3] as const;
    const cards = new Map<string, Card | null>(Array.from({ length: 16 }, (_, i) => [`c${String(i).padStart(2, "0")}`, null]));
    let clock = now.getTime();
    const done = { newCards: 0, reviews: 0, all: 0 };
    const fractions: number[] = [];
    const lefts: number[] = [];
    for (let step = 0; step < 400; step++) {
      const rows: QueueCard[] = [...cards].map(([cardId, c]) => ({ cardId, due: c ? new Date(c.due) : null, state: c?.state ?? 0 }));
      const q = buildQueue({
        ...input({ now: new Date(clock), doneToday: done, limits: { newCardsPerDay: 16, reviewsPerDay: 200 } }),
        learning: rows.filter((r) => r.state === 1 || r.state === 3),
        reviews: rows.filter((r) => r.state === 2),
        newCards: rows.filter((r) => r.state === 0),
      });
      const left = q.counts.learning + q.counts.review + q.counts.new;
      lefts.push(left);
      fractions.push(done.all / (done.all + left));
      if (left === 0) break;
      const head = q.cards[0];
      if (!head) {
        clock = q.later.nextDue!.getTime(); // wait for the next learning step
        continue;
      }
      const before = cards.get(head.cardId)!;
      const graded = gradeCard(before, ratings[step % ratings.length], new Date(clock), settings, head.cardId).card;
      cards.set(head.cardId, graded);
      done.all++;
      if (!before) done.newCards++;
      else if (before.state === 2) done.reviews++;
      clock += 20_000;
    }
    // the case: one new card graded Good is still "left" as a learning card
    expect(lefts.slice(0, 2)).toEqual([16, 16]);
    expect(lefts.at(-1)).toBe(0);
    expect(done.all).toBeGreaterThan(16);
    for (let i = 1; i < fractions.length; i++) expect(fractions[i]).toBeGreaterThanOrEqual(fractions[i - 1]);
  });
});
