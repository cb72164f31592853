import { describe, expect, it } from "vitest";
import { buildCards, cardFaces, formatCitation } from "@/lib/content/cards";
import { parseCatalogue } from "@/lib/content/parse";
import { categoriesFile, trickFile } from "./helpers/content-fixtures";

const trickFrom = (file = trickFile()) => {
  const { catalogue, errors } = parseCatalogue(categoriesFile, [file]);
  expect(errors).toEqual([]);
  return catalogue!.tricks[0];
};

describe("card generation", () => {
  it("makes one card per authored card plus a reference card, with ids from slug and key", () => {
    const cards = buildCards(trickFrom());
    expect(cards.map((c) => [c.id, c.kind, c.position])).toEqual([
      ["fan-in-init/what", "what", 0],
      ["fan-in-init/why", "why", 1],
      ["fan-in-init/bound", "cloze", 2],
      ["fan-in-init/reference", "reference", 3],
    ]);
    expect(cards[3].prompt).toBe("Which paper is the main reference for **Fan-in initialisation**? Give its title, first author and year.");
    expect(cards[3].answer).toBe("[*Efficient BackProp*](https://example.org/efficient-backprop), Yann LeCun and Léon Bottou, 1998");
  });

  it("keeps a card's id when its text is edited, and changes only that card's hash", () => {
    const before = buildCards(trickFrom());
    const edited = trickFile();
    edited.text = edited.text.replace("Drawing weights with a spread of 1/sqrt(n) for n inputs.", "Weights drawn from [-v, v] with v = 1/sqrt(n).");
    const after = buildCards(trickFrom(edited));
    expect(after.map((c) => c.id)).toEqual(before.map((c) => c.id));
    expect(after.filter((c, i) => c.contentHash !== before[i].contentHash).map((c) => c.id)).toEqual(["fan-in-init/what"]);
  });

  it("skips the reference card when the only reference is unknown", () => {
    const file = trickFile();
    file.text = file.text.replace(/references:[\s\S]*?(?=\ncards:)/, 'references:\n  - unknown: true\n    note: "Upstream cites ??"');
    expect(buildCards(trickFrom(file)).some((c) => c.kind === "reference")).toBe(false);
  });

  it("shows a cloze card's gap on the front and the filled sentence on the back", () => {
    const cloze = buildCards(trickFrom()).find((c) => c.kind === "cloze")!;
    expect(cardFaces(cloze)).toEqual({
      front: "Fan-in uniform init uses $v =$ **[ … ]** for n inputs.",
      back: "Fan-in uniform init uses $v =$ **$1/\\sqrt{n}$** for n inputs.",
    });
  });

  it("cites one, two or many authors the way papers are cited", () => {
    const ref = { title: "T", year: 2000 };
    expect(formatCitation({ ...ref, authors: ["A. One"] })).toBe("*T*, A. One, 2000");
    expect(formatCitation({ ...ref, authors: ["A. One", "B. Two", "C. Three"] })).toBe("*T*, A. One et al., 2000");
  });
});
