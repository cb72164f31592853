// Catalogue Markdown (GFM + KaTeX), rendered to HTML on the server by lib/content/render-markdown.
import { renderMarkdown } from "@/lib/content/render-markdown";

interface MarkdownProps {
  children: string;
  className?: string;
  /** render inside a line (no paragraph margins), e.g. a card prompt */
  inline?: boolean;
}

export function Markdown({ children, className = "", inline = false }: MarkdownProps) {
  return <div className={`${inline ? "prose-inline" : "prose-td"} ${className}`} dangerouslySetInnerHTML={{ __html: renderMarkdown(children) }} />;
}

/** Already-rendered HTML from the server (review payloads). */
export function RenderedHtml({ html, className = "", inline = false }: { html: string; className?: string; inline?: boolean }) {
  return <div className={`${inline ? "prose-inline" : "prose-td"} ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
