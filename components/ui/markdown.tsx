// Catalogue Markdown (GFM + KaTeX), rendered to HTML on the server by lib/content/render-markdown.
// Server components only ("server-only" makes a client import a build error); client components
// receive HTML and show it with RenderedHtml from ./rendered-html.
import "server-only";
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
