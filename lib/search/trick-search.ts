// Catalogue search on MiniSearch: every query word must match (prefix and typo-tolerant) before
// any trick matching only some words is shown; aliases, symptoms and a small synonym list count.
// Pure: the caller builds the index once from plain documents and searches it.
import MiniSearch, { type Query, type SearchOptions } from "minisearch";
import { synonymsOf } from "./synonyms";

export interface SearchDoc {
  slug: string;
  name: string;
  title: string;
  aliases: string[];
  tags: string[];
  summary: string;
  categoryName: string;
  /** what a practitioner observes that this trick fixes (from its diagnose cards) */
  symptoms: string[];
  /** the rest of the trick's text: what, why, when, details */
  text: string;
}

export interface SearchResult {
  /** "all": every word matched; "any": nothing matched every word, these match some */
  mode: "all" | "any";
  slugs: string[];
}

const FIELDS = ["name", "aliases", "title", "tags", "symptoms", "summary", "categoryName", "text"] as const;
const BOOST = { name: 6, aliases: 5, title: 3, tags: 2, symptoms: 2, summary: 1.5, categoryName: 1, text: 1 };
const SPLIT = /[\n\r\p{Z}\p{P}]+/u;
const STOP_WORDS = new Set(["a", "an", "and", "at", "by", "for", "in", "is", "of", "on", "or", "the", "to", "with"]);

/** Lower case, one spelling for British and American forms, stop words dropped (index and query alike). */
export function normaliseTerm(term: string): string | null {
  const t = term.toLowerCase();
  if (!t || STOP_WORDS.has(t)) return null;
  return t
    .replace(/is(ation|ations|ing|ed)$/, "iz$1")
    .replace(/^(.{4,})is(e|es)$/, "$1iz$2") // normalise, initialise; not noise or rise
    .replace(/([blv])our(s?)$/, "$1or$2"); // neighbour, colour, behaviour
}

const OPTIONS: SearchOptions = {
  boost: BOOST,
  // "norm" finds normalization; no prefix on one letter, which would match nearly everything
  prefix: (term) => term.length >= 2,
  // one typo from five letters on, two from ten
  fuzzy: (term) => (term.length >= 10 ? 0.2 : term.length >= 5 ? 1 / term.length + 0.01 : false),
  maxFuzzy: 2,
};

export type TrickIndex = MiniSearch<SearchDoc>;

export function buildTrickIndex(docs: SearchDoc[]): TrickIndex {
  const index = new MiniSearch<SearchDoc>({
    idField: "slug",
    fields: [...FIELDS],
    extractField: (doc, field) => {
      const value = doc[field as keyof SearchDoc];
      return Array.isArray(value) ? value.join(" \n ") : String(value ?? "");
    },
    processTerm: normaliseTerm,
    searchOptions: OPTIONS,
  });
  index.addAll(docs);
  return index;
}

/** One group per query word: the word OR any of its synonyms (a several-word synonym needs all its words). */
function wordGroups(query: string): Query[] {
  const words = query.split(SPLIT).filter((w) => w && normaliseTerm(w));
  return words.map((word) => {
    const alternatives = synonymsOf(word.toLowerCase()).map((alt): Query => ({ combineWith: "AND", queries: [alt] }));
    return alternatives.length ? { combineWith: "OR", queries: [word, ...alternatives] } : word;
  });
}

export function searchTricks(index: TrickIndex, query: string): SearchResult {
  const groups = wordGroups(query.trim());
  if (groups.length === 0) return { mode: "all", slugs: [] };
  const all = index.search({ combineWith: "AND", queries: groups });
  if (all.length > 0 || groups.length === 1) return { mode: "all", slugs: all.map((r) => String(r.id)) };
  const any = index.search({ combineWith: "OR", queries: groups });
  return { mode: "any", slugs: any.map((r) => String(r.id)) };
}
