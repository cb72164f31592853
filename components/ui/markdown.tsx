// Renders catalogue Markdown with GFM tables and KaTeX math ($...$, $$...$$). Server component.
import ReactMarkdown from "react-markdown";
import rehypeKatex from "rehype-katex";
import remarkGfm from "remark-gfm";
import remarkMath from "remark-math";

interface MarkdownProps {
  children: string;
  className?: string;
  /** render inside a line (no paragraph margins), e.g. a card prompt */
  inline?: boolean;
}

export function Markdown({ children, className = "", inline = false }: MarkdownProps) {
  return (
    <div className={`${inline ? "prose-inline" : "prose-td"} ${className}`}>
      <ReactMarkdown
        remarkPlugins={[remarkGfm, remarkMath]}
        rehypePlugins={[[rehypeKatex, { throwOnError: false, strict: "ignore" }]]}
        components={{
          a: ({ href, children: text }) => {
            const external = !!href && /^https?:\/\//.test(href);
            return (
              <a href={href} {...(external ? { target: "_blank", rel: "noopener noreferrer" } : {})}>
                {text}
              </a>
            );
          },
        }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
