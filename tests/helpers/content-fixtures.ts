// Small, valid content files to build tests on; each test breaks one thing.
import type { ContentFile } from "@/lib/content/parse";

export const categoriesFile: ContentFile = {
  path: "categories.yaml",
  text: `areas:
  - slug: tricks
    name: Training tricks
    description: Tricks.
categories:
  - slug: initialization
    area: tricks
    name: Initialization
    description: Starting weights.
  - slug: training
    area: tricks
    name: Training
    description: Training.
`,
};

export interface TrickOverrides {
  slug?: string;
  category?: string;
  extra?: string;
  url?: string;
  cards?: string;
  omit?: string[];
}

export function trickFile(o: TrickOverrides = {}): ContentFile {
  const slug = o.slug ?? "fan-in-init";
  const category = o.category ?? "initialization";
  const fields: Record<string, string> = {
    slug: `slug: ${slug}`,
    title: "title: Fan-in scaled initialisation",
    name: "name: Fan-in initialisation",
    category: `category: ${category}`,
    order: "order: 10",
    tags: "tags: [initialization]",
    summary: "summary: Scale initial weights by the number of inputs so every unit starts with a similar output variance.",
    what: "what: |\n  Draw weights from $[-v, v]$ with $v = 1/\\sqrt{n}$.",
    why: "why: Keeps the output variance of every unit alike.",
    references: `references:\n  - title: Efficient BackProp\n    authors: [Yann LeCun, Léon Bottou]\n    year: 1998\n    url: ${o.url ?? "https://example.org/efficient-backprop"}`,
    cards:
      o.cards ??
      `cards:
  - key: what
    kind: what
    prompt: In weight initialisation, what is fan-in scaling?
    answer: Drawing weights with a spread of 1/sqrt(n) for n inputs.
  - key: why
    kind: why
    prompt: Why does fan-in scaling keep units alike at the start?
    answer: A unit's output variance grows with its number of inputs; dividing by sqrt(n) cancels that growth.
  - key: bound
    kind: cloze
    prompt: 'Fan-in uniform init uses $v =$ {{}} for n inputs.'
    answer: '$1/\\sqrt{n}$'`,
  };
  for (const key of o.omit ?? []) delete fields[key];
  const front = [...Object.values(fields), o.extra ?? ""].filter(Boolean).join("\n");
  return { path: `tricks/${category}/${slug}.md`, text: `---\n${front}\n---\nSome detail.\n` };
}
