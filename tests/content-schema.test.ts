import { describe, expect, it } from "vitest";
import { formatContentError, parseCatalogue } from "@/lib/content/parse";
import { categoriesFile, trickFile } from "./helpers/content-fixtures";

const errorsOf = (...files: ReturnType<typeof trickFile>[]) => parseCatalogue(categoriesFile, files).errors.map(formatContentError);

describe("content check", () => {
  it("accepts a valid trick and keeps its Markdown body", () => {
    const { catalogue, errors } = parseCatalogue(categoriesFile, [trickFile()]);
    expect(errors).toEqual([]);
    expect(catalogue!.tricks).toHaveLength(1);
    expect(catalogue!.tricks[0]).toMatchObject({ slug: "fan-in-init", area: "tricks", body: "Some detail.", aliases: [], corrections: [] });
  });

  it("names the file and the field of a missing required field", () => {
    expect(errorsOf(trickFile({ omit: ["what"] }))).toEqual(["tricks/initialization/fan-in-init.md: what: is required and must be text"]);
  });

  it("refuses an unknown category", () => {
    const errors = errorsOf(trickFile({ category: "optimisers" }));
    expect(errors).toContain('tricks/optimisers/fan-in-init.md: category: unknown category "optimisers" (see content/categories.yaml)');
  });

  it("refuses a category that does not match the folder", () => {
    const file = trickFile();
    file.path = "tricks/training/fan-in-init.md";
    expect(errorsOf(file)).toEqual(['tricks/training/fan-in-init.md: category: "initialization" does not match the folder "training"']);
  });

  it("refuses a duplicate slug and names both files", () => {
    const a = trickFile();
    const b = trickFile({ category: "training" });
    b.path = "tricks/training/fan-in-init.md";
    b.text = b.text.replace("category: training", "category: training");
    expect(errorsOf(a, b)).toEqual(['tricks/training/fan-in-init.md: slug: duplicate slug "fan-in-init" (also in tricks/initialization/fan-in-init.md)']);
  });

  it("refuses a malformed URL", () => {
    expect(errorsOf(trickFile({ url: "arxiv.org/abs/1502.03167" }))).toEqual([
      "tricks/initialization/fan-in-init.md: references[0].url: must be a full http(s) URL",
    ]);
  });

  it("refuses an empty answer", () => {
    const cards = `cards:\n  - key: what\n    kind: what\n    prompt: In weight initialisation, what is fan-in scaling?\n    answer: "  "\n  - key: why\n    kind: why\n    prompt: Why?\n    answer: Because.`;
    expect(errorsOf(trickFile({ cards }))).toEqual(["tricks/initialization/fan-in-init.md: cards[0].answer: must not be empty"]);
  });

  it("refuses a cloze card without exactly one gap and an over-long answer", () => {
    const long = Array.from({ length: 41 }, (_, i) => `w${i}`).join(" ");
    const cards = `cards:\n  - key: what\n    kind: what\n    prompt: What is fan-in scaling?\n    answer: ${long}\n  - key: why\n    kind: why\n    prompt: Why?\n    answer: Because.\n  - key: gap\n    kind: cloze\n    prompt: No gap here.\n    answer: x`;
    expect(errorsOf(trickFile({ cards }))).toEqual([
      "tricks/initialization/fan-in-init.md: cards[0].answer: has 41 words; keep answers to 40 or fewer",
      "tricks/initialization/fan-in-init.md: cards[2].prompt: a cloze prompt needs exactly one {{}} gap (found 0)",
    ]);
  });

  it("refuses a reverse card that gives the name away, and a missing what card", () => {
    const cards = `cards:\n  - key: why\n    kind: why\n    prompt: Why?\n    answer: Because.\n  - key: rev\n    kind: reverse\n    prompt: Which trick is Fan-in initialisation?\n    answer: Fan-in initialisation`;
    expect(errorsOf(trickFile({ cards }))).toEqual([
      "tricks/initialization/fan-in-init.md: cards[1].prompt: a reverse card's prompt must not contain the trick's name",
      'tricks/initialization/fan-in-init.md: cards: needs exactly one "what" card (found 0)',
    ]);
  });

  it("refuses unknown fields, a slug that differs from the file name and broken YAML", () => {
    expect(errorsOf(trickFile({ extra: "colour: blue" }))).toEqual(['tricks/initialization/fan-in-init.md: Unrecognized key: "colour"']);
    const renamed = trickFile();
    renamed.path = "tricks/initialization/other-name.md";
    expect(errorsOf(renamed)).toEqual(['tricks/initialization/other-name.md: slug: "fan-in-init" must equal the file name (other-name)']);
    const broken = trickFile();
    broken.text = broken.text.replace("order: 10", "order: [10");
    expect(errorsOf(broken)[0]).toMatch(/^tricks\/initialization\/fan-in-init.md: front matter: is not valid YAML/);
  });

  it("requires title, authors and year unless a reference is marked unknown", () => {
    const file = trickFile();
    file.text = file.text.replace(/references:[\s\S]*?(?=\ncards:)/, 'references:\n  - title: Only a title\n  - unknown: true\n    note: "Upstream cites ??"');
    expect(errorsOf(file)).toEqual([
      "tricks/initialization/fan-in-init.md: references[0].authors: is required (or mark the reference `unknown: true`)",
      "tricks/initialization/fan-in-init.md: references[0].year: is required (or mark the reference `unknown: true`)",
    ]);
  });
});
