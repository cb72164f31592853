// The real content/ folder: valid, complete against the upstream catalogue, and in our own words.
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { buildCards } from "@/lib/content/cards";
import { formatContentError } from "@/lib/content/parse";
import { loadCatalogue } from "@/lib/content/read-content";

const { catalogue, errors } = loadCatalogue(path.resolve("content"));

describe("the catalogue in content/", () => {
  it("passes the content check", () => {
    expect(errors.map(formatContentError)).toEqual([]);
  });

  const tricks = catalogue?.tricks ?? [];
  const inArea = (area: string) => tricks.filter((t) => t.area === area);

  it("covers all 8 upstream trick categories, with the empty one filled", () => {
    const counts = Object.fromEntries(
      catalogue!.categories.filter((c) => c.area === "tricks").map((c) => [c.slug, tricks.filter((t) => t.category === c.slug).length]),
    );
    // upstream: 21 tricks (t-SNE moved from Initialization to Training) + the hyperparameter table
    expect(counts).toMatchObject({ initialization: 2, regularization: 2, "network-architecture": 3, nlp: 5, "reinforcement-learning": 5, "network-compression": 1 });
    expect(counts.training).toBeGreaterThanOrEqual(4);
    expect(counts["data-preprocessing"]).toBeGreaterThanOrEqual(3);
    expect(inArea("tricks").length).toBeGreaterThanOrEqual(25);
  });

  it("covers the architectures that upstream describes", () => {
    expect(inArea("architectures").length).toBeGreaterThanOrEqual(38);
    const slugs = new Set(tricks.map((t) => t.slug));
    for (const slug of ["resnet", "resnext", "u-net", "yolo", "ssd", "cyclegan", "highway-networks", "deep-q-network", "evolution-strategies", "pathnet", "relation-networks"]) {
      expect(slugs, slug).toContain(slug);
    }
  });

  it("gives every trick a what card, and a reference card whenever a source is known", () => {
    for (const trick of tricks) {
      const kinds = buildCards(trick).map((c) => c.kind);
      expect(kinds.filter((k) => k === "what"), trick.slug).toHaveLength(1);
      if (trick.references.some((r) => !r.unknown)) expect(kinds, trick.slug).toContain("reference");
    }
  });

  it("turns the lists inside a trick into cards of their own", () => {
    const facts = (slug: string) => buildCards(tricks.find((t) => t.slug === slug)!).filter((c) => c.kind === "fact").length;
    expect(facts("batch-normalization")).toBeGreaterThanOrEqual(7);
    expect(facts("nmt-architecture-findings")).toBeGreaterThanOrEqual(7);
    expect(facts("hyperparameters-and-capacity")).toBeGreaterThanOrEqual(6);
  });

  it("fixes the upstream errors listed in the inventory and says so", () => {
    const bySlug = (slug: string) => tricks.find((t) => t.slug === slug)!;
    const stacking = bySlug("frame-stacking");
    expect(stacking.references[0].authors?.[0]).toMatch(/Mnih/);
    expect(stacking.references.some((r) => r.url?.includes("1509.06461"))).toBe(false);
    expect(stacking.corrections.join(" ")).toMatch(/van Hasselt/);
    expect(bySlug("sentiment-neuron").references[0].authors?.[0]).toBe("Alec Radford");
    expect(bySlug("skip-connections-input-output").references[0].authors).toEqual(["Alex Graves"]);
    expect(bySlug("lstm-peephole-connections").what).toMatch(/cell state/);
    for (const slug of ["frame-stacking", "sentiment-neuron", "skip-connections-input-output", "lstm-peephole-connections", "ssd", "cyclegan"]) {
      expect(bySlug(slug).corrections.length, slug).toBeGreaterThan(0);
    }
  });

  // The upstream text lives beside the repo (../shared/seed), as on CI; a bare clone skips this.
  const seedDir = path.resolve("..", "shared", "seed");
  it.skipIf(!existsSync(seedDir))("pastes no sentence from the upstream text (no run of 10 identical words)", () => {
    const words = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, " ").trim().split(" ").filter(Boolean);
    const N = 10;
    const upstream = new Set<string>();
    for (const f of ["upstream-README.md", "upstream-networks.md"]) {
      const w = words(readFileSync(path.join(seedDir, f), "utf8"));
      for (let i = 0; i + N <= w.length; i++) upstream.add(w.slice(i, i + N).join(" "));
    }
    expect(upstream.size).toBeGreaterThan(1000);
    const pasted: string[] = [];
    for (const trick of tricks) {
      const text = [trick.what, trick.why, trick.when, trick.body, trick.summary, ...trick.cards.flatMap((c) => [c.prompt, c.answer])].join(" ");
      const w = words(text);
      for (let i = 0; i + N <= w.length; i++) {
        const gram = w.slice(i, i + N).join(" ");
        if (upstream.has(gram)) pasted.push(`${trick.slug}: "${gram}"`);
      }
    }
    expect(pasted).toEqual([]);
  });
});
