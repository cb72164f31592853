// Turns the raw text of content files into a validated catalogue, collecting every problem with
// the file, the field and the reason. Pure: the caller reads the files (see read-content.ts).
import matter from "gray-matter";
import { parse as parseYaml } from "yaml";
import type { z } from "zod";
import { categoriesSchema, trickSchema, type CategoriesFile, type TrickFrontMatter } from "./schema";

export interface ContentFile {
  /** path relative to the content folder, e.g. "tricks/initialization/fan-in-uniform-init.md" */
  path: string;
  text: string;
}

export interface ContentError {
  file: string;
  field: string;
  message: string;
}

export interface Trick extends TrickFrontMatter {
  area: string;
  body: string | null;
  file: string;
}

export interface Catalogue {
  areas: CategoriesFile["areas"];
  categories: CategoriesFile["categories"];
  /** in catalogue order: area, category, then `order` */
  tricks: Trick[];
}

export const formatContentError = (e: ContentError) => `${e.file}: ${e.field ? `${e.field}: ` : ""}${e.message}`;

function issuesToErrors(file: string, issues: z.core.$ZodIssue[]): ContentError[] {
  return issues.map((issue) => ({
    file,
    field: issue.path.map((p) => (typeof p === "number" ? `[${p}]` : String(p))).join(".").replace(/\.\[/g, "["),
    message: issue.message,
  }));
}

export function parseCategories(file: ContentFile): { value?: CategoriesFile; errors: ContentError[] } {
  let raw: unknown;
  try {
    raw = parseYaml(file.text);
  } catch (err) {
    return { errors: [{ file: file.path, field: "", message: `is not valid YAML: ${(err as Error).message.split("\n")[0]}` }] };
  }
  const result = categoriesSchema.safeParse(raw);
  return result.success ? { value: result.data, errors: [] } : { errors: issuesToErrors(file.path, result.error.issues) };
}

export function parseTrickFile(file: ContentFile): { value?: Trick; errors: ContentError[] } {
  let fm: { data: Record<string, unknown>; content: string };
  try {
    fm = matter(file.text, {});
  } catch (err) {
    return { errors: [{ file: file.path, field: "front matter", message: `is not valid YAML: ${(err as Error).message.split("\n")[0]}` }] };
  }
  if (Object.keys(fm.data).length === 0) {
    return { errors: [{ file: file.path, field: "front matter", message: "is missing (the file must start with a --- YAML block)" }] };
  }
  const result = trickSchema.safeParse(fm.data);
  if (!result.success) return { errors: issuesToErrors(file.path, result.error.issues) };
  const parts = file.path.split("/");
  const body = fm.content.trim();
  return { value: { ...result.data, area: parts[0], body: body || null, file: file.path }, errors: [] };
}

/** Validates every file and the rules that span files (folders, categories, unique slugs). */
export function parseCatalogue(categoriesFile: ContentFile, trickFiles: ContentFile[]): { catalogue?: Catalogue; errors: ContentError[] } {
  const errors: ContentError[] = [];
  const cats = parseCategories(categoriesFile);
  errors.push(...cats.errors);
  const categories = cats.value?.categories ?? [];
  const categoryBySlug = new Map(categories.map((c) => [c.slug, c]));
  const tricks: Trick[] = [];
  const fileBySlug = new Map<string, string>();

  for (const file of trickFiles) {
    const parts = file.path.split("/");
    if (parts.length !== 3 || !file.path.endsWith(".md")) {
      errors.push({ file: file.path, field: "", message: "must be at content/<area>/<category>/<slug>.md" });
      continue;
    }
    const parsed = parseTrickFile(file);
    errors.push(...parsed.errors);
    const trick = parsed.value;
    if (!trick) continue;
    const [area, folderCategory, fileName] = parts;
    if (fileName !== `${trick.slug}.md`) errors.push({ file: file.path, field: "slug", message: `"${trick.slug}" must equal the file name (${fileName.replace(/\.md$/, "")})` });
    const category = categoryBySlug.get(trick.category);
    if (!category) {
      errors.push({ file: file.path, field: "category", message: `unknown category "${trick.category}" (see content/categories.yaml)` });
    } else {
      if (folderCategory !== trick.category) errors.push({ file: file.path, field: "category", message: `"${trick.category}" does not match the folder "${folderCategory}"` });
      if (area !== category.area) errors.push({ file: file.path, field: "category", message: `category "${trick.category}" belongs to area "${category.area}", not "${area}"` });
    }
    const other = fileBySlug.get(trick.slug);
    if (other) {
      errors.push({ file: file.path, field: "slug", message: `duplicate slug "${trick.slug}" (also in ${other})` });
      continue;
    }
    fileBySlug.set(trick.slug, file.path);
    tricks.push(trick);
  }
  if (errors.length > 0 || !cats.value) return { errors };

  const categoryIndex = new Map(categories.map((c, i) => [c.slug, i]));
  tricks.sort((a, b) => categoryIndex.get(a.category)! - categoryIndex.get(b.category)! || a.order - b.order || a.slug.localeCompare(b.slug));
  return { catalogue: { areas: cats.value.areas, categories, tricks }, errors: [] };
}
