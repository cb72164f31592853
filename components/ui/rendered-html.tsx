// Already-rendered HTML from the server (review and quiz payloads). Safe for client components:
// it imports nothing, so the Markdown/KaTeX renderer never reaches a client bundle.
export function RenderedHtml({ html, className = "", inline = false }: { html: string; className?: string; inline?: boolean }) {
  return <div className={`${inline ? "prose-inline" : "prose-td"} ${className}`} dangerouslySetInnerHTML={{ __html: html }} />;
}
