// Reads the content folder from disk into ContentFile values for parse.ts.
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { parseCatalogue, type ContentFile } from "./parse";

export const DEFAULT_CONTENT_DIR = path.resolve(process.cwd(), "content");

export function readContentDir(dir: string = DEFAULT_CONTENT_DIR): { categories: ContentFile; tricks: ContentFile[] } {
  const categoriesPath = path.join(dir, "categories.yaml");
  const tricks: ContentFile[] = [];
  for (const area of readdirSync(dir, { withFileTypes: true })) {
    if (!area.isDirectory()) continue;
    for (const entry of readdirSync(path.join(dir, area.name), { recursive: true, withFileTypes: true })) {
      if (!entry.isFile() || !entry.name.endsWith(".md")) continue;
      const full = path.join(entry.parentPath, entry.name);
      tricks.push({ path: path.relative(dir, full).split(path.sep).join("/"), text: readFileSync(full, "utf8") });
    }
  }
  tricks.sort((a, b) => a.path.localeCompare(b.path));
  return { categories: { path: "categories.yaml", text: readFileSync(categoriesPath, "utf8") }, tricks };
}

export function loadCatalogue(dir: string = DEFAULT_CONTENT_DIR) {
  const files = readContentDir(dir);
  return parseCatalogue(files.categories, files.tricks);
}
