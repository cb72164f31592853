// First-load JavaScript of each App Router page in a production build, gzipped: the files the
// browser must fetch before the page is interactive. Read from the build's own manifests (the same
// for turbopack and webpack builds of Next 16):
//   .next/build-manifest.json                               rootMainFiles: the runtime every page loads
//   .next/server/app/<route>/page_client-reference-manifest.js  entryJSFiles: per segment of the
//     route (root layout, error and not-found boundaries, page), the chunks of its client components
// Lazily imported chunks (next/dynamic, import()) are not in entryJSFiles and are not counted;
// nomodule polyfills are not counted either (modern browsers skip them).
// Used by e2e/bundle-budget.spec.ts (the budget in `npm test`) and bench/app.bench.ts.
// CLI: `npx tsx scripts/first-load-js.ts [route ...]` prints the figures.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

export interface FirstLoad {
  route: string;
  /** gzipped bytes of all first-load chunks */
  gzipBytes: number;
  rawBytes: number;
  /** the framework runtime every page loads (build-manifest rootMainFiles: React DOM, the App Router, the bundler runtime) */
  framework: string[];
  /** gzipped bytes beyond the framework runtime: the layout's and the route's client components */
  ownGzipBytes: number;
  files: { file: string; gzipBytes: number }[];
}

/** "/quiz/[id]" → the folder under .next/server/app; route groups like (auth) are folders too. */
function manifestFile(distDir: string, route: string): string | null {
  const appDir = path.join(distDir, "server", "app");
  const wanted = route === "/" ? "" : route.replace(/^\//, "");
  for (const file of pageManifests(distDir)) {
    const folder = path.relative(appDir, path.dirname(file)).split(path.sep).filter((s) => !/^\(.*\)$/.test(s)).join("/");
    if (folder === wanted) return file;
  }
  return null;
}

function pageManifests(distDir: string): string[] {
  const appDir = path.join(distDir, "server", "app");
  if (!existsSync(appDir)) return [];
  return readdirSync(appDir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile() && e.name === "page_client-reference-manifest.js")
    .map((e) => path.join(e.parentPath, e.name));
}

/** The routes of the build that have a page (e.g. "/", "/review", "/quiz/[id]", "/signin"). */
export function builtRoutes(distDir = ".next"): string[] {
  const appDir = path.join(distDir, "server", "app");
  return pageManifests(distDir)
    .map((f) => "/" + path.relative(appDir, path.dirname(f)).split(path.sep).filter((s) => s && !/^\(.*\)$/.test(s)).join("/"))
    .filter((r) => !r.startsWith("/_"))
    .sort();
}

function entryJsFiles(file: string): string[] {
  // the manifest is a script that assigns globalThis.__RSC_MANIFEST[<page>]; run it on a private object
  const scope = { __RSC_MANIFEST: {} as Record<string, { entryJSFiles?: Record<string, string[]> }> };
  new Function("globalThis", "self", readFileSync(file, "utf8"))(scope, scope);
  const manifests = Object.values(scope.__RSC_MANIFEST);
  if (manifests.length !== 1 || !manifests[0].entryJSFiles) throw new Error(`${file}: expected one client reference manifest with entryJSFiles`);
  return Object.values(manifests[0].entryJSFiles).flat();
}

const gzCache = new Map<string, { raw: number; gz: number }>();
function sizes(file: string) {
  let s = gzCache.get(file);
  if (!s) {
    const raw = readFileSync(file);
    s = { raw: raw.length, gz: gzipSync(raw, { level: 9 }).length };
    gzCache.set(file, s);
  }
  return s;
}

/** First-load JS of one route ("/review") of the production build in distDir. */
export function firstLoadJs(route: string, distDir = ".next"): FirstLoad {
  const buildManifest = path.join(distDir, "build-manifest.json");
  if (!existsSync(buildManifest)) throw new Error(`no production build in ${distDir} (run next build)`);
  const manifest = manifestFile(distDir, route);
  if (!manifest) throw new Error(`no page ${route} in the build in ${distDir}`);
  const root = (JSON.parse(readFileSync(buildManifest, "utf8")) as { rootMainFiles: string[] }).rootMainFiles;
  const files = [...new Set([...root, ...entryJsFiles(manifest)])].filter((f) => f.endsWith(".js"));
  const measured = files.map((f) => ({ file: f, ...sizes(path.join(distDir, f)) }));
  return {
    route,
    gzipBytes: measured.reduce((s, f) => s + f.gz, 0),
    rawBytes: measured.reduce((s, f) => s + f.raw, 0),
    framework: root,
    ownGzipBytes: measured.filter((f) => !root.includes(f.file)).reduce((s, f) => s + f.gz, 0),
    files: measured.map((f) => ({ file: f.file, gzipBytes: f.gz })).sort((a, b) => b.gzipBytes - a.gzipBytes),
  };
}

export const kB = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const routes = process.argv.length > 2 ? process.argv.slice(2) : builtRoutes();
  for (const r of routes) {
    const f = firstLoadJs(r);
    console.log(`${r.padEnd(20)} ${kB(f.gzipBytes).padStart(9)} gz, app ${kB(f.ownGzipBytes).padStart(8)}  (${f.files.map((x) => `${path.basename(x.file)} ${kB(x.gzipBytes)}`).join(", ")})`);
  }
}
