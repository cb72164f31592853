// Diagnose questions: which tricks are offered as wrong answers to a symptom, and the items built.
import { describe, expect, it } from "vitest";
import { buildDiagnoseItems } from "./build-items";
import { pickDiagnoseDistractors, type DiagnoseSymptom } from "./diagnose-distractors";
import type { QuizTrick } from "./distractors";
import { seededRng } from "./random";

const trick = (slug: string, category: string, categoryIndex: number, area = "tricks"): QuizTrick => ({ slug, name: `${slug} name`, summary: "", category, categoryIndex, area });
let n = 0;
const sym = (t: QuizTrick, text = `symptom ${++n} of ${t.slug} ${"qwertyuiop"[n % 10]}`): DiagnoseSymptom => ({ cardId: `${t.slug}/symptom-${n}`, trick: t, text, because: `because ${t.slug}` });

const [a1, a2, a3, a4, a5] = [1, 2, 3, 4, 5].map((i) => trick(`a${i}`, "init", 1));
const [b1, b2] = [trick("b1", "training", 2), trick("b2", "training", 2)];
const c1 = trick("c1", "reg", 3);
const z1 = trick("z1", "far", 9);
const x1 = trick("x1", "vision", 10, "modern");
const nan = "Loss turns NaN after a few hundred steps";
const pool = [sym(a1, nan), sym(a1), sym(a2), sym(a3), sym(a4), sym(a5), sym(b1), sym(b2), sym(c1), sym(z1), sym(x1)];
const target = pool[0];
const slugs = (picked: DiagnoseSymptom[]) => picked.map((s) => s.trick.slug);

describe("Diagnose distractors", () => {
  it("come from the same category first, never include the right trick, and are the same for the same seed", () => {
    const picked = slugs(pickDiagnoseDistractors(target, pool, 3, seededRng(7)));
    expect(picked).toHaveLength(3);
    expect(picked.every((s) => ["a2", "a3", "a4", "a5"].includes(s))).toBe(true); // a1's second symptom does not bring a1 back
    expect(slugs(pickDiagnoseDistractors(target, pool, 3, seededRng(7)))).toEqual(picked);
    const bySeed = new Set([1, 2, 3, 4, 5, 6].map((seed) => slugs(pickDiagnoseDistractors(target, pool, 3, seededRng(seed))).join()));
    expect(bySeed.size).toBeGreaterThan(1); // the seed, not the pool order, decides
  });

  it("fall back to the nearest categories of the same area when the category is small", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const picked = slugs(pickDiagnoseDistractors(pool.find((s) => s.trick === b1)!, pool, 3, seededRng(seed)));
      expect(picked[0]).toBe("b2");
      // init and reg are one category away, far is seven away, and the other area is last
      expect(picked.slice(1).every((s) => ["a1", "a2", "a3", "a4", "a5", "c1"].includes(s))).toBe(true);
    }
  });

  it("quote each wrong trick with its first symptom, the one the answer feedback names", () => {
    for (let seed = 1; seed <= 12; seed++) {
      const a1Entry = pickDiagnoseDistractors(pool[2], pool, 4, seededRng(seed)).find((s) => s.trick === a1);
      if (a1Entry) expect(a1Entry.text).toBe(nan);
    }
  });

  it("reach into another area only when the area runs out, and never repeat a name", () => {
    const twin = { ...trick("twin", "far", 9), name: "z1 name" };
    const small = [sym(z1), sym(twin), sym(b2), sym(x1)];
    for (const seed of [1, 2, 3]) {
      const picked = slugs(pickDiagnoseDistractors(small[2], small, 3, seededRng(seed)));
      expect(picked).toHaveLength(2); // z1 or its namesake (not both), then x1 from the other area
      expect(["z1", "twin"]).toContain(picked[0]);
      expect(picked[1]).toBe("x1");
    }
  });

  it("leave out a trick that lists a near-identical symptom, since it would also be right", () => {
    const same = trick("same", "init", 1);
    const withTwin = [...pool, sym(same, "Loss turns NaN after a few hundred steps!")];
    for (const seed of [1, 2, 3, 4, 5, 6, 7, 8]) expect(slugs(pickDiagnoseDistractors(target, withTwin, 10, seededRng(seed)))).not.toContain("same");
    const other = trick("other", "init", 1);
    const unlike = [...pool, sym(other, "Loss turns NaN once the learning rate doubles")];
    expect(slugs(pickDiagnoseDistractors(target, unlike, 10, seededRng(1)))).toContain("other");
  });
});

describe("Diagnose items", () => {
  it("ask each chosen symptom once, on its own card, with four different trick names", () => {
    const chosen = pool.filter((s) => s.trick.category === "init");
    const items = buildDiagnoseItems(chosen, pool, { seed: 11, length: Infinity });
    expect(items.map((i) => i.cardId).sort()).toEqual(chosen.map((s) => s.cardId).sort());
    for (const item of items) {
      const s = chosen.find((c) => c.cardId === item.cardId)!;
      expect(item).toMatchObject({ kind: "diagnose", correct: s.trick.name, prompt: `You see this in training: *${s.text}* Which trick do you reach for?` });
      expect(new Set(item.choices).size).toBe(4);
      expect(item.choices).toContain(s.trick.name);
    }
    expect(buildDiagnoseItems(chosen, pool, { seed: 11, length: 2 })).toHaveLength(2);
    expect(buildDiagnoseItems([target], [target], { seed: 1, length: 10 })).toEqual([]); // nothing to confuse it with
  });
});
