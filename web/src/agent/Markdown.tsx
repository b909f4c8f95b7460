// Markdown as the agent writes it (GitHub flavour, never raw HTML), with internal links
// kept inside the SPA; text cut off mid-way is settled first (settle.ts). An image is shown as a
// link to it, never loaded: an answer can echo text planted in the project's data, and an image
// from any address would be fetched by every reader's browser as the answer streams in, its URL
// free to carry what the answer read.
import type { ReactNode } from "react";
import ReactMarkdown, { type Options } from "react-markdown";
import { Link } from "react-router";
import remarkGfm from "remark-gfm";
import { settle } from "./settle";

/** How an answer's markdown becomes elements: exported for its test, which reads the tree. */
export const OPTIONS = {
  remarkPlugins: [remarkGfm],
  skipHtml: true,
  components: {
    a: ({ href, children }) => <LinkTo href={href}>{children}</LinkTo>,
    img: ({ src, alt }) => <LinkTo href={typeof src === "string" ? src : undefined}>{alt || "image"}</LinkTo>,
  },
} satisfies Omit<Options, "children">;

export function Markdown({ children }: { children: string }) {
  return (
    <div className="markdown text-sm leading-relaxed">
      <ReactMarkdown {...OPTIONS}>{settle(children)}</ReactMarkdown>
    </div>
  );
}

/** A link the answer gave: inside the SPA by the router, anything else in a new tab. */
export function LinkTo({ href = "", children }: { href?: string; children: ReactNode }) {
  return href.startsWith("/") ? (
    <Link to={href} className="text-emerald-800 underline">
      {children}
    </Link>
  ) : (
    <a href={href} target="_blank" rel="noreferrer noopener" className="text-emerald-800 underline">
      {children}
    </a>
  );
}
