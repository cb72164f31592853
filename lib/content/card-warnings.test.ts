// The card-quality warnings of content:check, each rule at, just below and just above its threshold.
import { describe, expect, it } from "vitest";
import { cardWarnings, warningSummary, type WarningRule } from "./card-warnings";
import type { Trick } from "./parse";
import { contentWords, jaccard, nearIdentical } from "./text-overlap";

type CardIn = Trick["cards"][number];
const words = (n: number, stem = "word") => Array.from({ length: n }, (_, i) => `${stem}${String.fromCharCode(97 + (i % 26))}${Math.floor(i / 26)}`).join(" ");
const whenCard: CardIn = { key: "when", kind: "when", prompt: "In which situation would you reach for widget scaling?", answer: "Deep stacks." };
const symptom = { key: "nan", text: "Loss turns NaN after a few hundred steps.", because: "Scaling keeps activations bounded." };

function trick(o: { area?: string; cards?: CardIn[]; symptoms?: Trick["symptoms"]; slug?: string } = {}): Trick {
  return {
    slug: o.slug ?? "widget",
    title: "Widget scaling",
    name: "Widget scaling",
    aliases: ["widgeting"],
    category: "training",
    order: 10,
    tags: ["x"],
    summary: "A summary.",
    what: "What.",
    references: [],
    corrections: [],
    symptoms: o.symptoms ?? [symptom],
    cards: [{ key: "what", kind: "what", prompt: "In training, what is widget scaling?", answer: "Multiplying layers by a constant." }, whenCard, ...(o.cards ?? [])],
    area: o.area ?? "tricks",
    body: null,
    file: `${o.area ?? "tricks"}/training/${o.slug ?? "widget"}.md`,
  };
}
const rules = (t: Trick, rule: WarningRule) => cardWarnings([t]).filter((w) => w.rule === rule);
const card = (key: string, prompt: string, answer: string, kind: CardIn["kind"] = "fact"): CardIn => ({ key, kind, prompt, answer });

describe("long-answer warning", () => {
  it("flags answers over 25 words, not 24 or 25, and names the file and the card", () => {
    const t = trick({ cards: [card("a24", "In training, p?", words(24)), card("a25", "In training, q?", words(25)), card("a26", "In training, r?", words(26))] });
    expect(rules(t, "long-answer")).toEqual([{ file: "tricks/training/widget.md", key: "a26", rule: "long-answer", message: expect.stringMatching(/26 words/) }]);
  });

  it("also reads the generated diagnose card, whose answer is the symptom's reason", () => {
    const t = trick({ symptoms: [{ ...symptom, because: words(24) }] }); // "**Widget scaling**:" adds 2 words: 26
    expect(rules(t, "long-answer").map((w) => w.key)).toEqual(["symptom-nan"]);
  });
});

describe("two-questions warning", () => {
  it("flags two question marks and ' and why', not one question or a 'why' alone", () => {
    const t = trick({
      cards: [
        card("one", "In training, why does widget scaling help?", "x"),
        card("two", "In training, what is it? Where is it used?", "x"),
        card("and-why", "In training, which layer gets widget scaling, and why", "x"),
        card("whyever", "In training, which layer and whyever not", "x"),
      ],
    });
    expect(rules(t, "two-questions").map((w) => w.key)).toEqual(["two", "and-why"]);
  });
});

describe("when-card and symptom warnings", () => {
  it("flag a training trick without a when card or symptoms, in any area except architectures", () => {
    const noWhen = trick({ symptoms: [] });
    noWhen.cards = noWhen.cards.filter((c) => c.kind !== "when");
    expect(cardWarnings([noWhen]).map((w) => [w.key, w.rule])).toEqual([
      ["cards", "no-when-card"],
      ["symptoms", "no-symptoms"],
    ]);
    expect(cardWarnings([{ ...noWhen, area: "modern-practice" }]).map((w) => w.rule)).toEqual(["no-when-card", "no-symptoms"]);
    expect(cardWarnings([{ ...noWhen, area: "architectures" }])).toEqual([]);
    expect(cardWarnings([trick()])).toEqual([]); // one when card and one symptom are enough
  });
});

describe("prompt-gives-away warning", () => {
  // ten content words beyond the trick's name; the prompt repeats k of them
  const answer = "alpha bravo charlie delta echo foxtrot golf hotel india juliet";
  const promptWith = (k: number) => `In widget scaling, how does ${answer.split(" ").slice(0, k).join(" ")} matter?`;

  it("flags a prompt holding 60% of another card's answer, not 50%", () => {
    const t = trick({ cards: [card("answer", "In training, which ten words?", answer), card("six", promptWith(6), "x"), card("five", promptWith(5), "y")] });
    expect(rules(t, "prompt-gives-away")).toEqual([{ file: t.file, key: "six", rule: "prompt-gives-away", message: expect.stringMatching(/60% of the answer of "answer"/) }]);
  });

  it("ignores answers of 3 content words, counts 4, and leaves the trick's name and stop words out", () => {
    const t = trick({
      cards: [
        card("three", "In training, which three?", "Widget scaling of the alpha, bravo and charlie"),
        card("four", "In training, which four?", "widgeting: alpha bravo charlie delta"),
        card("asks", "In widget scaling, where do alpha, bravo, charlie and delta meet?", "x"),
      ],
    });
    expect(rules(t, "prompt-gives-away").map((w) => w.message)).toEqual([expect.stringMatching(/100% of the answer of "four"/)]);
  });

  it("does not count a reverse card's answer (the name) nor the card's own answer", () => {
    const t = trick({
      cards: [
        card("rev", "Which trick multiplies layers by a constant?", "Widget scaling (alpha bravo charlie delta)", "reverse"),
        card("fact", "In widget scaling, how do alpha, bravo, charlie and delta relate?", "They echo foxtrot golf hotel."),
        card("self", "In widget scaling, which of india, juliet, kilo or lima?", "india juliet kilo lima"),
      ],
    });
    expect(rules(t, "prompt-gives-away")).toEqual([]);
  });
});

describe("prompt-gives-away warning across entries", () => {
  // two entries in different files; "gadget" has its own name, which its answers may repeat freely
  const gadget = (cards: CardIn[]): Trick => ({
    ...trick({ slug: "gadget", area: "architectures", symptoms: [] }),
    title: "Gadget net",
    name: "Gadget net",
    aliases: [],
    cards: [{ key: "what", kind: "what", prompt: "In vision, what is a gadget net?", answer: "A stack of gadgets." }, ...cards],
  });

  it("flags a prompt holding 60% of an answer in another file, naming both cards and that file", () => {
    const other = gadget([card("fact-pool", "In a gadget net, what replaces pooling?", "Gadget net: strided kilo lima mike november oscar")]);
    const asks = trick({ cards: [card("fact-mix", "In widget scaling, which kilo, lima and mike layers meet november?", "x")] });
    expect(cardWarnings([asks, other]).filter((w) => w.rule === "prompt-gives-away")).toEqual([
      { file: "tricks/training/widget.md", key: "fact-mix", rule: "prompt-gives-away", message: 'prompt contains 67% of the answer of "fact-pool" in architectures/training/gadget.md: rephrase one of them' },
    ]);
    // the order of the entries does not matter
    expect(cardWarnings([other, asks]).filter((w) => w.rule === "prompt-gives-away").map((w) => w.key)).toEqual(["fact-mix"]);
  });

  it("does not flag unrelated cards, 50% overlap, short answers or another entry's reverse card", () => {
    const other = gadget([
      card("fact-pool", "In a gadget net, what replaces pooling?", "strided kilo lima mike november oscar"),
      card("fact-short", "In a gadget net, which three?", "papa quebec romeo"),
      card("reverse", "Which architecture stacks gadgets?", "Gadget net (sierra tango uniform victor)", "reverse"),
    ]);
    const asks = trick({
      cards: [
        card("half", "In widget scaling, do kilo, lima and mike help?", "x"),
        card("short", "In widget scaling, where do papa, quebec and romeo meet?", "x"),
        card("name", "In widget scaling, why are sierra, tango, uniform and victor named?", "x"),
        card("unrelated", "In widget scaling, what sets the constant?", "The depth of the network and its width."),
      ],
    });
    expect(cardWarnings([asks, other]).filter((w) => w.rule === "prompt-gives-away")).toEqual([]);
  });
});

describe("warning summary and word overlap", () => {
  it("counts every rule, zeros included", () => {
    const t = trick({ symptoms: [], cards: [card("two", "What? Why?", words(30))] });
    expect(warningSummary(cardWarnings([t]))).toBe("3 warning(s): long-answer 1, two-questions 1, no-when-card 0, no-symptoms 1, prompt-gives-away 0");
  });

  it("reads content words without stop words, math, accents or plural s", () => {
    expect([...contentWords("The gradients of $\\gamma W$ explode, and Léon's gradient class (Smith et al.)")].sort()).toEqual(["class", "explode", "gradient", "leon", "smith"]);
  });

  it("calls two symptoms near-identical from a Jaccard similarity of 0.6", () => {
    expect(jaccard(new Set(["a1", "b1", "c1"]), new Set(["a1", "b1", "c1", "d1", "e1"]))).toBe(0.6);
    expect(nearIdentical("loss explodes NaN early steps", "loss explodes NaN early")).toBe(true); // 4/5
    expect(nearIdentical("loss explodes NaN early", "loss explodes NaN late epochs")).toBe(false); // 3/6
  });
});
