// One message of an agent conversation: the question, or the answer with its live text,
// citations as links, which model wrote it, and what can be done with it (copy, retry after a
// stop or failure).
import type { AgentMessage } from "@rehome/client";
import { useState } from "react";
import { linkCitations } from "./citations";
import { Markdown } from "./Markdown";

const ENDED: Partial<Record<AgentMessage["status"], { text: string; tone: string }>> = {
  cancelled: { text: "Stopped.", tone: "text-amber-800" },
  failed: { text: "The answer failed.", tone: "text-red-700" },
  timed_out: { text: "The answer took too long.", tone: "text-red-700" },
};

interface Props {
  message: AgentMessage;
  /** The live text while streaming; the stored content otherwise. */
  content: string;
  onRetry?: () => void;
}

export function MessageBubble({ message, content, onRetry }: Props) {
  if (message.role === "user")
    return (
      <article
        data-testid="question"
        className="ml-auto w-fit max-w-[85%] rounded-lg bg-emerald-700 px-3 py-2 text-sm whitespace-pre-wrap text-white"
      >
        {content}
      </article>
    );
  const ended = ENDED[message.status];
  return (
    <article
      data-testid="answer"
      data-status={message.status}
      aria-busy={message.status === "streaming"}
      className="w-fit max-w-[92%] rounded-lg bg-slate-100 px-3 py-2"
    >
      {content ? (
        <Markdown>{linkCitations(content, message.citedProjects)}</Markdown>
      ) : (
        message.status === "streaming" && <p className="text-sm text-slate-500">Thinking…</p>
      )}
      {message.status === "streaming" && content && (
        <span aria-hidden="true" className="inline-block animate-pulse text-slate-500">
          ▍
        </span>
      )}
      {ended && <p className={`mt-1 text-xs ${ended.tone}`}>{ended.text}</p>}
      <div className="mt-1 flex gap-3 text-xs">
        {message.status === "completed" && <CopyButton text={content} />}
        {message.status !== "streaming" && content && message.model && (
          <span className="text-slate-600" data-testid="answered-by">
            Answered by {message.model === "offline" ? "the offline assistant" : message.model}
          </span>
        )}
        {ended && onRetry && (
          <button type="button" className="text-slate-600 underline" onClick={onRetry}>
            Retry
          </button>
        )}
      </div>
    </article>
  );
}

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <button
      type="button"
      className="text-slate-600 underline"
      onClick={async () => {
        await navigator.clipboard?.writeText(text).catch(() => undefined);
        setCopied(true);
        setTimeout(() => setCopied(false), 1500);
      }}
    >
      {copied ? "Copied" : "Copy"}
    </button>
  );
}
