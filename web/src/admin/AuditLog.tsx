// The workspace's audit log (admin actions and admin-agent questions), newest first.

import { actionWords } from "@rehome/core/words";
import { ListStates, LoadMore } from "../components/States";
import { When } from "../components/When";
import { usePeople } from "../hooks/useMembers";
import { usePagedList } from "../hooks/usePagedList";
import { api } from "../session";

export function AuditLog() {
  const log = usePagedList(["audit"], (cursor) => api.audit.list({ cursor, limit: 50 }));
  const people = usePeople();
  const nameOf = (id: string) =>
    people.data?.find((p) => p.id === id)?.name ?? (id === "system" ? "ReHome" : id);
  return (
    <section aria-label="Audit log" className="rounded-lg border border-slate-200 bg-white p-4">
      <ListStates
        list={log}
        what="the audit log"
        count={log.items.length}
        empty="No admin actions recorded yet."
      />
      <ol className="divide-y divide-slate-100 text-sm">
        {log.items.map((entry) => (
          <li
            key={entry.id}
            className="grid gap-x-3 py-2 sm:grid-cols-[8rem_12rem_minmax(0,1fr)]"
            data-testid="audit-entry"
          >
            <When iso={entry.createdAt} className="text-xs text-slate-500" />
            <span className="text-xs font-medium text-slate-700">{actionWords(entry.action)}</span>
            <span className="[overflow-wrap:anywhere]">
              <span className="font-medium">{nameOf(entry.actorId)}</span> — {entry.summary}
            </span>
          </li>
        ))}
      </ol>
      <LoadMore list={log} label="Older entries" />
    </section>
  );
}
