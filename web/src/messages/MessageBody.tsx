// A message's text as people wrote it: line breaks kept, @mentions highlighted, web links
// clickable, and a long word or link wrapped within the thread instead of widening the page.
import type { Person } from "../hooks/useMembers";
import { withMentions } from "./mentions";

// A link runs to the next space; trailing punctuation belongs to the sentence, not the link.
const LINK = /(https?:\/\/[^\s<>"]*[^\s<>".,;:!?)\]'])/i;

function withLinks(text: string) {
  return text.split(LINK).map((part, i) =>
    // With one capture group, split puts each link at an odd index.
    i % 2 ? (
      <a key={i} href={part} target="_blank" rel="noreferrer noopener" className="text-emerald-800 underline">
        {part}
      </a>
    ) : (
      part
    ),
  );
}

export function MessageBody({ body, mentioned }: { body: string; mentioned: Person[] }) {
  return (
    <p className="mt-0.5 text-sm whitespace-pre-wrap text-slate-900 [overflow-wrap:anywhere]">
      {withMentions(body, mentioned).map((part, i) =>
        part.mention ? (
          <mark key={i} className="rounded bg-sky-100 px-0.5 text-sky-900">
            {part.text}
          </mark>
        ) : (
          <span key={i}>{withLinks(part.text)}</span>
        ),
      )}
    </p>
  );
}
