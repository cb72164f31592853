// What db:copy needs to know of each model, read from prisma/schema.prisma: the order to copy
// in (models that others reference come first), a unique key to page by, and the Json fields
// (a null Json value must be written back as Prisma.DbNull).
import { readFileSync } from "node:fs";
import path from "node:path";

export interface ModelInfo {
  name: string;
  /** the Prisma client property, e.g. reviewLog */
  delegate: string;
  key: string[];
  jsonFields: string[];
  /** models this one references (its relation fields with `fields: [...]`) */
  dependsOn: string[];
}

export function modelInfo(schemaPath = path.resolve("prisma/schema.prisma")): ModelInfo[] {
  const text = readFileSync(schemaPath, "utf8").replace(/\/\/.*$/gm, "");
  const models = [...text.matchAll(/^model\s+(\w+)\s*\{([\s\S]*?)^\}/gm)].map(([, name, body]) => {
    const lines = body.split("\n").map((l) => l.trim()).filter(Boolean);
    const fields = lines.filter((l) => !l.startsWith("@@")).map((l) => l.split(/\s+/));
    const idField = fields.find((f) => f.slice(2).some((a) => a.startsWith("@id")));
    const block = (attr: string) => lines.find((l) => l.startsWith(attr))?.match(/\[([^\]]+)\]/)?.[1].split(",").map((s) => s.trim());
    const key = idField ? [idField[0]] : (block("@@id") ?? block("@@unique"));
    if (!key) throw new Error(`model ${name} has no @id, @@id or @@unique to page by`);
    return {
      name,
      delegate: name[0].toLowerCase() + name.slice(1),
      key,
      jsonFields: fields.filter((f) => /^Json\??$/.test(f[1] ?? "")).map((f) => f[0]),
      dependsOn: fields.filter((f) => f.join(" ").includes("@relation(") && f.join(" ").includes("fields:")).map((f) => f[1].replace(/[?[\]]/g, "")),
    };
  });
  // referenced models first (the schema has no cycles)
  const ordered: ModelInfo[] = [];
  const visit = (m: ModelInfo, seen: Set<string>) => {
    if (ordered.includes(m)) return;
    if (seen.has(m.name)) throw new Error(`relation cycle through ${m.name}`);
    seen.add(m.name);
    for (const d of m.dependsOn) if (d !== m.name) visit(models.find((x) => x.name === d)!, seen);
    ordered.push(m);
  };
  for (const m of models) visit(m, new Set());
  return ordered;
}
