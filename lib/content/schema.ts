// The shape of a content file's front matter (see content/README.md), validated with zod.
import { z } from "zod";

export const CARD_KINDS = ["what", "why", "when", "reverse", "cloze", "fact"] as const;
export const GENERATED_CARD_KINDS = ["reference", "diagnose"] as const;
export type CardKind = (typeof CARD_KINDS)[number] | (typeof GENERATED_CARD_KINDS)[number];

export const CLOZE_GAP = "{{}}";
export const MAX_ANSWER_WORDS = 40;

const slug = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, "must be kebab-case (a-z, 0-9 and single hyphens)");
const text = z.string({ error: "is required and must be text" }).trim().min(1, "must not be empty");

export const wordCount = (s: string) => s.trim().split(/\s+/).filter(Boolean).length;

export const referenceSchema = z
  .object({
    unknown: z.literal(true).optional(),
    note: text.optional(),
    title: text.optional(),
    authors: z.array(text).min(1, "needs at least one author").optional(),
    year: z.number({ error: "must be a year" }).int().min(1900).max(2100).optional(),
    venue: text.optional(),
    url: z.url({ protocol: /^https?$/, error: "must be a full http(s) URL" }).optional(),
  })
  .strict()
  .superRefine((ref, ctx) => {
    if (ref.unknown) {
      if (!ref.note) ctx.addIssue({ code: "custom", path: ["note"], message: "an unknown reference needs a note saying what is unknown" });
      return;
    }
    for (const field of ["title", "authors", "year"] as const) {
      if (ref[field] === undefined) ctx.addIssue({ code: "custom", path: [field], message: "is required (or mark the reference `unknown: true`)" });
    }
  });

export const cardSchema = z
  .object({
    key: slug,
    kind: z.enum(CARD_KINDS, { error: `must be one of ${CARD_KINDS.join(", ")}` }),
    prompt: text,
    answer: text,
  })
  .strict()
  .superRefine((card, ctx) => {
    const words = wordCount(card.answer);
    if (words > MAX_ANSWER_WORDS) {
      ctx.addIssue({ code: "custom", path: ["answer"], message: `has ${words} words; keep answers to ${MAX_ANSWER_WORDS} or fewer` });
    }
    const gaps = card.prompt.split(CLOZE_GAP).length - 1;
    if (card.kind === "cloze" && gaps !== 1) {
      ctx.addIssue({ code: "custom", path: ["prompt"], message: `a cloze prompt needs exactly one ${CLOZE_GAP} gap (found ${gaps})` });
    }
    if (card.kind !== "cloze" && gaps > 0) {
      ctx.addIssue({ code: "custom", path: ["prompt"], message: `only cloze cards may contain ${CLOZE_GAP}` });
    }
  });

/** An observation a practitioner makes in training ("loss goes NaN") that this trick addresses. */
export const symptomSchema = z
  .object({
    key: slug,
    text: text.max(160, "must be at most 160 characters: one concrete observation"),
    because: text.max(240, "must be at most 240 characters: why the trick addresses it"),
  })
  .strict();

export const trickSchema = z
  .object({
    slug,
    title: text.max(120, "must be at most 120 characters"),
    name: text.max(80, "must be at most 80 characters"),
    aliases: z.array(text).default([]),
    category: slug,
    order: z.number({ error: "must be a whole number" }).int().min(0),
    tags: z.array(slug).min(1, "needs at least one tag").max(8, "at most 8 tags"),
    summary: text.max(200, "must be at most 200 characters"),
    what: text,
    why: text.optional(),
    when: text.optional(),
    references: z.array(referenceSchema, { error: "must be a list (it may be empty)" }),
    corrections: z.array(text).default([]),
    symptoms: z.array(symptomSchema, { error: "must be a list of symptoms" }).max(3, "at most 3 symptoms").default([]),
    cards: z.array(cardSchema, { error: "must be a list of cards" }).min(1, "needs at least the `what` card"),
  })
  .strict()
  .superRefine((trick, ctx) => {
    const seen = new Set<string>();
    trick.cards.forEach((card, i) => {
      if (seen.has(card.key)) ctx.addIssue({ code: "custom", path: ["cards", i, "key"], message: `duplicate card key "${card.key}"` });
      if (card.key.startsWith("symptom-")) ctx.addIssue({ code: "custom", path: ["cards", i, "key"], message: "keys starting with \"symptom-\" are reserved for the cards generated from `symptoms`" });
      if (card.key === "reference") ctx.addIssue({ code: "custom", path: ["cards", i, "key"], message: '"reference" is reserved for the generated reference card' });
      seen.add(card.key);
      if (card.kind === "reverse" && card.prompt.toLowerCase().includes(trick.name.toLowerCase())) {
        ctx.addIssue({ code: "custom", path: ["cards", i, "prompt"], message: "a reverse card's prompt must not contain the trick's name" });
      }
    });
    const symptomKeys = new Set<string>();
    trick.symptoms.forEach((sym, i) => {
      if (symptomKeys.has(sym.key)) ctx.addIssue({ code: "custom", path: ["symptoms", i, "key"], message: `duplicate symptom key "${sym.key}"` });
      symptomKeys.add(sym.key);
      if (sym.text.toLowerCase().includes(trick.name.toLowerCase())) ctx.addIssue({ code: "custom", path: ["symptoms", i, "text"], message: "a symptom must not name the trick (it is a quiz prompt)" });
    });
    const whatCards = trick.cards.filter((c) => c.kind === "what").length;
    if (whatCards !== 1) ctx.addIssue({ code: "custom", path: ["cards"], message: `needs exactly one "what" card (found ${whatCards})` });
    const whyCards = trick.cards.some((c) => c.kind === "why");
    if (trick.why && !whyCards) ctx.addIssue({ code: "custom", path: ["cards"], message: 'has a `why` text but no "why" card' });
    if (!trick.why && whyCards) ctx.addIssue({ code: "custom", path: ["why"], message: 'is missing, but there is a "why" card' });
    if (trick.summary.toLowerCase().includes(trick.name.toLowerCase())) {
      ctx.addIssue({ code: "custom", path: ["summary"], message: "must not contain the trick's name (it is used as a quiz prompt)" });
    }
  });

export type TrickInput = z.input<typeof trickSchema>;
export type TrickFrontMatter = z.output<typeof trickSchema>;
export type Reference = z.output<typeof referenceSchema>;
export type Symptom = z.output<typeof symptomSchema>;

export const categoriesSchema = z
  .object({
    areas: z.array(z.object({ slug, name: text, description: text }).strict()).min(1),
    categories: z.array(z.object({ slug, area: slug, name: text, description: text }).strict()).min(1),
  })
  .strict()
  .superRefine((file, ctx) => {
    const areas = new Set(file.areas.map((a) => a.slug));
    const seen = new Set<string>();
    file.categories.forEach((c, i) => {
      if (!areas.has(c.area)) ctx.addIssue({ code: "custom", path: ["categories", i, "area"], message: `unknown area "${c.area}"` });
      if (seen.has(c.slug)) ctx.addIssue({ code: "custom", path: ["categories", i, "slug"], message: `duplicate category "${c.slug}"` });
      seen.add(c.slug);
    });
  });

export type CategoriesFile = z.output<typeof categoriesSchema>;
