// The workspace's audit log (admin actions and admin-agent questions), newest first.
import { Empty, Failed, Loading } from "../components/States";
import { ui } from "../components/ui";
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
      {log.isPending && <Loading what="the audit log" />}
      {log.isError && <Failed error={log.error} retry={() => log.refetch()} />}
      {log.isSuccess && log.items.length === 0 && <Empty>No admin actions recorded yet.</Empty>}
      <ol className="divide-y divide-slate-100 text-sm">
        {log.items.map((entry) => (
          <li
            key={entry.id}
            className="grid gap-x-3 py-2 sm:grid-cols-[11rem_9rem_minmax(0,1fr)]"
            data-testid="audit-entry"
          >
            <time className="text-xs text-slate-500" dateTime={entry.createdAt}>
              {new Date(entry.createdAt).toLocaleString()}
            </time>
            <span className="font-mono text-xs text-slate-600">{entry.action}</span>
            <span>
              <span className="font-medium">{nameOf(entry.actorId)}</span> — {entry.summary}
            </span>
          </li>
        ))}
      </ol>
      {log.hasNextPage && (
        <button type="button" className={`${ui.secondary} mt-3`} onClick={() => log.fetchNextPage()}>
          Older entries
        </button>
      )}
    </section>
  );
}
