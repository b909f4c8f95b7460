// Digests written by the agent: the newest one open, older ones folded, a repeat served while
// the AI budget is spent or the provider down marked as cached; and the reader's digest-email
// switch. Citations open what they cite.
import type { SummaryInfo } from "@rehome/client";
import type { UseQueryResult } from "@tanstack/react-query";
import { Empty, Failed, Loading } from "../components/States";
import { When } from "../components/When";
import { linkCitations } from "./citations";
import { DigestEmailToggle } from "./DigestEmailToggle";
import { Markdown } from "./Markdown";
import { ProposedTasks } from "./MeetingNotes";

interface Props {
  title: string;
  summaries: UseQueryResult<{ items: SummaryInfo[] }>;
  empty: string;
}

export function DigestPanel({ title, summaries, empty }: Props) {
  return (
    <section aria-labelledby="digest-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="digest-title" className="mb-2 font-semibold">
        {title}
      </h2>
      <DigestEmailToggle />
      {summaries.isPending && <Loading what="digests" />}
      {summaries.isError && <Failed error={summaries.error} retry={() => summaries.refetch()} />}
      {summaries.data?.items.length === 0 && <Empty>{empty}</Empty>}
      <div className="space-y-2">
        {summaries.data?.items.slice(0, 10).map((summary, index) => (
          <details key={summary.id} open={index === 0} className="rounded-md bg-slate-50 p-3">
            <summary className="cursor-pointer text-sm font-medium">
              {summary.title} <When iso={summary.createdAt} className="font-normal text-slate-600" />
            </summary>
            {summary.cached && (
              <p
                className="mt-2 rounded bg-amber-50 px-2 py-1 text-xs text-amber-900"
                data-testid="digest-cached"
              >
                Cached digest from {new Date(summary.cachedFrom ?? summary.createdAt).toLocaleDateString()} —
                the AI budget is spent or the assistant is unavailable
              </p>
            )}
            <div className="mt-2">
              <Markdown>{linkCitations(summary.content, summary.citedProjects)}</Markdown>
            </div>
            <ProposedTasks summary={summary} />
          </details>
        ))}
      </div>
    </section>
  );
}
