// What a client component can reach at run time. Follows the value imports (type-only imports
// are erased by the compiler) from every "use client" module through components/, lib/ and app/;
// a "use server" module is a reference on the client, so the walk stops there. The bundle budget
// itself is measured on the production build (e2e/bundle-budget.spec.ts); this test names the
// import chain that would break it, without a build.
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { builtinModules } from "node:module";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

const ROOT = path.resolve(import.meta.dirname, "..");

/** Packages and modules a client bundle must never contain, with the reason. */
const FORBIDDEN: { test: (spec: string, file: string | null) => boolean; why: string }[] = [
  { test: (_, f) => f?.endsWith("lib/content/render-markdown.ts") ?? false, why: "the Markdown/KaTeX renderer runs on the server only" },
  { test: (s) => /^(katex|unified|remark-|rehype-|mdast|hast-util|micromark)/.test(s), why: "Markdown/KaTeX packages run on the server only" },
  { test: (s) => s.startsWith("node:") || builtinModules.includes(s), why: "a node: module in a client bundle becomes a large polyfill" },
  { test: (s) => s === "server-only", why: "a server-only module" },
  { test: (s) => s === "zod", why: "validation runs on the server; forms import plain constants (about 60 kB of zod otherwise)" },
  { test: (s) => /^(@prisma\/|better-sqlite3$|pg$|next-auth|@auth\/|@node-rs\/|@open-spaced-repetition\/|ts-fsrs$|gray-matter$)/.test(s), why: "a server package" },
];

const sourceFiles = (dir: string): string[] =>
  readdirSync(path.join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && /\.tsx?$/.test(e.name) && !e.name.endsWith(".test.ts"))
    .map((e) => path.relative(ROOT, path.join(e.parentPath, e.name)));

const directive = (file: string, name: string) => {
  const text = readFileSync(path.join(ROOT, file), "utf8");
  return new RegExp(`^(\\s*//[^\\n]*\\n|\\s*/\\*[\\s\\S]*?\\*/)*\\s*["']${name}["']`).test(text);
};

/** Value imports and re-exports of a module (type-only ones are erased at compile time). */
function valueImports(file: string, text: string): string[] {
  const sf = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith("x") ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const specs: string[] = [];
  for (const st of sf.statements) {
    if (ts.isImportDeclaration(st)) {
      const clause = st.importClause;
      if (clause?.isTypeOnly) continue;
      const named = clause?.namedBindings;
      // `import { type A, type B } from "x"` with nothing else is erased too
      if (clause && !clause.name && named && ts.isNamedImports(named) && named.elements.length > 0 && named.elements.every((e) => e.isTypeOnly)) continue;
      specs.push((st.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(st) && st.moduleSpecifier && !st.isTypeOnly) {
      specs.push((st.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  // dynamic import("x") is split into its own chunk but still reaches the client
  const visit = (n: ts.Node) => {
    if (ts.isCallExpression(n) && n.expression.kind === ts.SyntaxKind.ImportKeyword && n.arguments[0] && ts.isStringLiteral(n.arguments[0])) specs.push(n.arguments[0].text);
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return specs;
}

function resolveLocal(from: string, spec: string): string | null {
  const base = spec.startsWith("@/") ? path.join(ROOT, spec.slice(2)) : spec.startsWith(".") ? path.resolve(path.dirname(path.join(ROOT, from)), spec) : null;
  if (!base) return null;
  for (const c of [base, `${base}.ts`, `${base}.tsx`, path.join(base, "index.ts"), path.join(base, "index.tsx")]) {
    if (existsSync(c) && statSync(c).isFile()) return path.relative(ROOT, c);
  }
  throw new Error(`${from}: cannot resolve ${spec}`);
}

/** Every forbidden thing reachable from `entry`, with the import chain that reaches it. */
function forbiddenReach(entry: string): string[] {
  const found: string[] = [];
  const seen = new Set<string>();
  const walk = (file: string, chain: string[]) => {
    if (seen.has(file)) return;
    seen.add(file);
    if (chain.length > 0 && directive(file, "use server")) return; // an action: a reference on the client
    for (const spec of valueImports(file, readFileSync(path.join(ROOT, file), "utf8"))) {
      const local = resolveLocal(file, spec);
      const hit = FORBIDDEN.find((f) => f.test(spec, local));
      if (hit) found.push(`${[...chain, file].join(" → ")} → ${spec}: ${hit.why}`);
      else if (local && /\.(tsx?)$/.test(local)) walk(local, [...chain, file]);
    }
  };
  walk(entry, []);
  return found;
}

const clientModules = ["app", "components", "lib"].flatMap(sourceFiles).filter((f) => directive(f, "use client"));

describe("client bundles", () => {
  it("finds the client components", () => {
    expect(clientModules).toContain("components/review/review-session.tsx");
    expect(clientModules).toContain("components/quiz/quiz-setup-form.tsx");
  });

  it("the walk sees a forbidden import through a chain (the checker itself)", () => {
    // components/ui/markdown.tsx is the server renderer: reaching it from anywhere is caught
    expect(forbiddenReach("components/ui/markdown.tsx").join("\n")).toMatch(/render-markdown/);
    // lib/content/cards.ts hashes with node:crypto
    expect(forbiddenReach("lib/content/cards.ts").join("\n")).toMatch(/node:crypto/);
  });

  it.each(clientModules)("%s reaches no renderer, node: module, zod or server package", (file) => {
    expect(forbiddenReach(file)).toEqual([]);
  });
});
