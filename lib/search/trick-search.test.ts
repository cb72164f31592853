import { describe, expect, it } from "vitest";
import { buildTrickIndex, normaliseTerm, searchTricks, type SearchDoc } from "./trick-search";
import { SYNONYMS, symptomOfPrompt, synonymsOf } from "./synonyms";

const doc = (d: Partial<SearchDoc> & Pick<SearchDoc, "slug" | "name">): SearchDoc => ({
  title: d.name,
  aliases: [],
  tags: [],
  summary: "",
  categoryName: "Tricks",
  symptoms: [],
  text: "",
  ...d,
});

// A fixed mini-catalogue: the words overlap on purpose, as they do in the real one.
const CATALOGUE: SearchDoc[] = [
  doc({ slug: "fused-log-softmax", name: "Fused log-softmax", summary: "Compute log-softmax in one step.", text: "Subtract the maximum first: the log-sum-exp trick keeps exp from overflowing." }),
  doc({ slug: "batch-normalization", name: "Batch normalization", aliases: ["BatchNorm", "BN"], summary: "Normalise each layer's inputs over the mini-batch.", text: "Uses the batch mean and variance; at test time the running statistics." }),
  doc({ slug: "batch-norm-folding", name: "Batch-norm folding", aliases: ["BN folding"], summary: "Fold the normalisation into the preceding convolution for inference.", text: "After training the batch statistics are constants." }),
  doc({ slug: "fan-in-init", name: "Fan-in scaled uniform initialisation", aliases: ["1/sqrt(n) init"], summary: "Scale initial weights by the number of inputs.", text: "Each unit starts with a similar output variance; the log of nothing." }),
  doc({ slug: "gradient-clipping", name: "Gradient clipping", summary: "Cap the gradient norm against exploding gradients.", symptoms: ["The loss suddenly turns to NaN after a few hundred steps."], text: "Rescale the gradient when its norm passes a threshold, so one sum of large terms cannot blow up." }),
  doc({ slug: "dropout", name: "Dropout", summary: "Drop random units while training.", symptoms: ["Training accuracy keeps climbing while validation accuracy falls: the model overfits."], text: "A cheap ensemble; the exp of nothing here." }),
  doc({ slug: "experience-replay", name: "Experience replay", aliases: ["replay buffer"], summary: "Learn from a memory of past transitions.", categoryName: "Reinforcement learning", text: "Breaks the correlation of consecutive samples." }),
];
const index = buildTrickIndex(CATALOGUE);
const search = (q: string) => searchTricks(index, q);

describe("catalogue search", () => {
  it("requires every word first: a hyphenated term finds only the trick holding all its parts", () => {
    // log, sum and exp each occur in other tricks; only one has them all
    expect(search("log-sum-exp")).toEqual({ mode: "all", slugs: ["fused-log-softmax"] });
    expect(search("batch norm")).toEqual({ mode: "all", slugs: expect.arrayContaining(["batch-normalization", "batch-norm-folding"]) });
    expect(search("batch norm").slugs).toHaveLength(2);
  });

  it("ranks a name match above a match in the body text", () => {
    expect(search("batch normalization").slugs[0]).toBe("batch-normalization");
    expect(search("replay").slugs[0]).toBe("experience-replay");
  });

  it("falls back to any word when no trick has them all, and says so", () => {
    expect(search("dropout clipping")).toEqual({ mode: "any", slugs: expect.arrayContaining(["dropout", "gradient-clipping"]) });
    expect(search("dropout clipping").slugs).toHaveLength(2);
  });

  it("matches prefixes and small typos", () => {
    expect(search("clip").slugs).toEqual(["gradient-clipping"]);
    expect(search("droput").slugs).toEqual(["dropout"]);
    expect(search("expereince replay").slugs).toEqual(["experience-replay"]);
  });

  it("finds a trick by its aliases and by either spelling", () => {
    expect(search("BN folding").slugs[0]).toBe("batch-norm-folding");
    expect(search("initialization").slugs).toEqual(["fan-in-init"]);
    expect(search("normalisation").slugs[0]).toBe("batch-normalization");
  });

  it("finds a trick by a well-known synonym", () => {
    expect(search("xavier").slugs).toEqual(["fan-in-init"]);
    expect(search("Glorot initialisation").slugs).toEqual(["fan-in-init"]);
    expect(search("bn").slugs.slice(0, 2).sort()).toEqual(["batch-norm-folding", "batch-normalization"]);
  });

  it("finds a trick by what a practitioner sees (its symptoms)", () => {
    // the symptom first; overflow (a cause of NaN) in the log-softmax text after it
    expect(search("NaN").slugs).toEqual(["gradient-clipping", "fused-log-softmax"]);
    expect(search("loss exploding")).toEqual({ mode: "all", slugs: ["gradient-clipping"] });
    expect(search("overfits").slugs).toEqual(["dropout"]);
    expect(search("overfitting").slugs).toEqual(["dropout"]);
  });

  it("ignores stop words and empty queries", () => {
    expect(search("the  ")).toEqual({ mode: "all", slugs: [] });
    expect(search("replay of the experience").slugs).toEqual(["experience-replay"]);
    expect(search("zzqxv")).toEqual({ mode: "all", slugs: [] });
  });
});

describe("search terms and synonyms", () => {
  it("spells British and American forms alike and drops stop words", () => {
    expect(["Normalisation", "initialising", "normalise", "noise", "neighbours", "the"].map(normaliseTerm)).toEqual([
      "normalization",
      "initializing",
      "normalize",
      "noise",
      "neighbors",
      null,
    ]);
  });

  it("keys synonyms by one lower-case word and never lists a word as its own synonym", () => {
    for (const [key, alternatives] of Object.entries(SYNONYMS)) {
      expect(key).toMatch(/^[a-z0-9]+$/);
      expect(alternatives).not.toContain(key);
    }
    expect(synonymsOf("xavier")).toContain("glorot");
    expect(synonymsOf("constructor")).toEqual([]);
  });

  it("takes the observation out of a diagnose card's prompt", () => {
    expect(symptomOfPrompt("You see this in training: *The loss turns to NaN.* Which trick do you reach for?")).toBe("The loss turns to NaN.");
    expect(symptomOfPrompt("A prompt without emphasis")).toBe("A prompt without emphasis");
  });
});
