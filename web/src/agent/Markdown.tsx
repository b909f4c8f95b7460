// Markdown as the agent writes it (GitHub flavour, never raw HTML), with internal links
// kept inside the SPA; text cut off mid-way is settled first (settle.ts).
import ReactMarkdown from "react-markdown";
import { Link } from "react-router";
import remarkGfm from "remark-gfm";
import { settle } from "./settle";

const PLUGINS = [remarkGfm];

export function Markdown({ children }: { children: string }) {
  return (
    <div className="markdown text-sm leading-relaxed">
      <ReactMarkdown
        remarkPlugins={PLUGINS}
        skipHtml
        components={{
          a: ({ href = "", children }) =>
            href.startsWith("/") ? (
              <Link to={href} className="text-emerald-800 underline">
                {children}
              </Link>
            ) : (
              <a href={href} target="_blank" rel="noreferrer noopener" className="text-emerald-800 underline">
                {children}
              </a>
            ),
        }}
      >
        {settle(children)}
      </ReactMarkdown>
    </div>
  );
}
