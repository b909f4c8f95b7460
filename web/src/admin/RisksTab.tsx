// The admin "Risks & Blockers" tab: the workspace's blocked and overdue tasks, projects at risk
// and the AI budget, each linking to its item with the reason from the data and the assistant's
// note. Refresh queues a new report; it shows as soon as it is announced on the admin's channel.
import type { RiskEntry, RiskReport, UserEvents } from "@rehome/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { Failed, ListStates, Saved } from "../components/States";
import { ui } from "../components/ui";
import { Day, When } from "../components/When";
import { useChannel } from "../hooks/useChannel";
import { api, useSession } from "../session";

const GROUPS: { kind: RiskEntry["kind"]; title: string }[] = [
  { kind: "blocked", title: "Blocked tasks" },
  { kind: "overdue", title: "Overdue tasks" },
  { kind: "project", title: "Projects at risk" },
  { kind: "budget", title: "AI budget" },
];

const ASSISTANT_NOTICE: Partial<Record<RiskReport["assistant"], string>> = {
  off: "The assistant is switched off: risks are listed from the data, without new explanations.",
  spent: "The workspace's AI budget is spent: risks are listed from the data, without new explanations.",
};

/** Where a risk's link goes: the task in its board's drawer, the project, or the cost page. */
const hrefOf = (risk: RiskEntry) =>
  risk.taskId
    ? `/projects/${risk.projectId}/board?task=${risk.taskId}`
    : risk.projectId
      ? `/projects/${risk.projectId}`
      : "/admin/cost";

export function RisksTab() {
  const session = useSession();
  const workspaceId = session?.workspaceId ?? "";
  const queryKey = ["risks", workspaceId];
  const queries = useQueryClient();
  const [arrived, setArrived] = useState(false);
  const report = useQuery({
    queryKey,
    queryFn: () => api.risks.get(workspaceId),
    // Should the announcement be missed (socket down), a pending refresh still shows up.
    refetchInterval: (query) => (query.state.data?.refreshing ? 10_000 : false),
  });
  const refresh = useMutation({
    mutationFn: () => api.risks.refresh(workspaceId),
    onSuccess: () => {
      setArrived(false);
      return queries.invalidateQueries({ queryKey });
    },
  });
  useChannel<UserEvents>(
    `users.${session?.id ?? ""}`,
    {
      "agent.risks.ready": () => {
        setArrived(true);
        queries.invalidateQueries({ queryKey });
      },
    },
    { keys: [queryKey] },
  );
  const data = report.data;
  const items = data?.items ?? [];
  const notice = data && ASSISTANT_NOTICE[data.assistant];
  return (
    <section aria-labelledby="risks-title" className="space-y-4">
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h2 id="risks-title" className="font-semibold">
            Risks &amp; Blockers
          </h2>
          {data && (
            <p className="text-sm text-slate-600">
              {data.explainedAt ? (
                <>
                  Notes by the assistant · <When iso={data.explainedAt} />
                </>
              ) : (
                "The assistant has not explained these yet."
              )}
            </p>
          )}
        </div>
        <button
          type="button"
          className={ui.secondary}
          onClick={() => refresh.mutate()}
          disabled={!data || data.refreshing || refresh.isPending || data.assistant !== "on"}
        >
          {data?.refreshing || refresh.isPending ? "Refreshing…" : "Refresh"}
        </button>
      </div>
      {notice && <p className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900">{notice}</p>}
      {refresh.isError && <Failed error={refresh.error} />}
      {arrived && !data?.refreshing && <Saved>The assistant's new report is in.</Saved>}
      <ListStates list={report} what="risks" count={items.length} empty="Nothing is blocked or overdue." />
      {GROUPS.map(({ kind, title }) => {
        const group = items.filter((risk) => risk.kind === kind);
        if (group.length === 0) return null;
        return (
          <section key={kind} aria-labelledby={`risks-${kind}`} data-testid={`risks-${kind}`}>
            <h3 id={`risks-${kind}`} className="mb-2 text-sm font-semibold text-slate-700">
              {title} ({group.length})
            </h3>
            <ul className="space-y-2">
              {group.map((risk) => (
                <RiskItem key={risk.id} risk={risk} />
              ))}
            </ul>
          </section>
        );
      })}
    </section>
  );
}

function RiskItem({ risk }: { risk: RiskEntry }) {
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-3 text-sm [overflow-wrap:anywhere]">
      <p>
        <Link to={hrefOf(risk)} className="font-medium text-emerald-800 underline-offset-2 hover:underline">
          {risk.title}
        </Link>
        {risk.taskId && risk.projectName && <span className="text-slate-600"> · {risk.projectName}</span>}
      </p>
      <p className="mt-1 font-medium text-slate-800">
        {risk.reason}
        {risk.dueDate && (
          <span className="font-normal text-slate-600">
            {" "}
            · due <Day day={risk.dueDate} />
          </span>
        )}
        {risk.kind === "project" && risk.since && (
          <span className="font-normal text-slate-600">
            {" "}
            · last activity <When iso={risk.since} />
          </span>
        )}
      </p>
      <p className={`mt-1 ${risk.explained ? "text-slate-700" : "italic text-slate-600"}`}>
        {risk.explained && <span className="sr-only">The assistant: </span>}
        {risk.explanation}
      </p>
    </li>
  );
}
