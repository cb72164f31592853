// Catalogue Markdown to HTML: GFM, KaTeX math, external links opened in a new tab. Used for
// pages (server components) and for the review payloads sent to the browser, so the client
// never ships a Markdown or TeX parser. The input is our own reviewed content.
import type { Element, Root, RootContent } from "hast";
import rehypeKatex from "rehype-katex";
import rehypeStringify from "rehype-stringify";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";
import remarkParse from "remark-parse";
import remarkRehype from "remark-rehype";
import { unified } from "unified";

function externalLinks() {
  const visit = (node: Root | RootContent) => {
    if (node.type === "element" && node.tagName === "a") {
      const href = String((node as Element).properties.href ?? "");
      if (/^https?:\/\//.test(href)) Object.assign(node.properties, { target: "_blank", rel: ["noopener", "noreferrer"] });
    }
    if ("children" in node) node.children.forEach(visit);
  };
  return (tree: Root) => visit(tree);
}

const processor = unified()
  .use(remarkParse)
  .use(remarkGfm)
  .use(remarkMath)
  .use(remarkRehype)
  .use(rehypeKatex, { strict: "ignore" })
  .use(externalLinks)
  .use(rehypeStringify)
  .freeze();

const cache = new Map<string, string>();

export function renderMarkdown(markdown: string): string {
  let html = cache.get(markdown);
  if (html === undefined) {
    html = String(processor.processSync(markdown));
    if (cache.size > 5000) cache.clear();
    cache.set(markdown, html);
  }
  return html;
}
