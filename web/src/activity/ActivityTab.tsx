// A project's activity: who did what and when, newest first, each entry linking to what it
// is about. Refreshes when the project's channel reports a change.
import type { ActivityInfo, ProjectEvents } from "@rehome/client";
import { useQueryClient } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { ListStates, LoadMore } from "../components/States";
import { When } from "../components/When";
import { useChannel } from "../hooks/useChannel";
import { useMembers } from "../hooks/useMembers";
import { usePagedList } from "../hooks/usePagedList";
import { api } from "../session";

// Every change to the project's content, items shared with or hidden from a client included.
const CHANGES: (keyof ProjectEvents)[] = [
  "task.created",
  "task.updated",
  "task.moved",
  "task.deleted",
  "task.shown",
  "task.hidden",
  "message.sent",
  "message.updated",
  "message.deleted",
  "message.shown",
  "message.hidden",
  "file.uploaded",
  "file.updated",
  "file.deleted",
  "file.shown",
  "file.hidden",
  "project.updated",
];

export function ActivityTab() {
  const { projectId = "" } = useParams();
  const queries = useQueryClient();
  const key = ["activity", projectId];
  const { nameOf } = useMembers(projectId);
  const list = usePagedList(key, (cursor) => api.activity.list(projectId, { cursor, limit: 50 }));
  // Entries are written with the change, not pushed: reload the newest page when one lands.
  const refresh = () => queries.invalidateQueries({ queryKey: key });
  useChannel<ProjectEvents>(
    `projects.${projectId}`,
    Object.fromEntries(CHANGES.map((event) => [event, refresh])),
    { keys: [key] },
  );

  return (
    <section aria-label="Activity" className="rounded-lg border border-slate-200 bg-white p-4">
      <ListStates
        list={list}
        what="activity"
        count={list.items.length}
        empty="Nothing has happened here yet."
      />
      <ol className="divide-y divide-slate-100" aria-label="Activity feed">
        {list.items.map((entry) => (
          <li
            key={entry.id}
            className="flex flex-wrap items-baseline gap-x-2 py-2 text-sm [overflow-wrap:anywhere]"
            data-testid="activity"
          >
            <span className="font-medium">
              {nameOf(entry.actorId) ??
                entry.actorName ??
                (entry.actorId === "system" ? "ReHome" : "Someone")}
            </span>
            <SubjectLink entry={entry} projectId={projectId} />
            <When iso={entry.createdAt} className="ml-auto text-xs text-slate-500" />
          </li>
        ))}
      </ol>
      <LoadMore list={list} label="Older activity" />
    </section>
  );
}

/** The entry's summary, linked to its subject while that can still be opened. */
function SubjectLink({ entry, projectId }: { entry: ActivityInfo; projectId: string }) {
  const base = `/projects/${projectId}`;
  const to = entry.action.endsWith(".deleted")
    ? undefined
    : entry.subjectType === "task"
      ? `${base}/board?task=${entry.subjectId}`
      : entry.subjectType === "message"
        ? `${base}/messages?message=${entry.subjectId}`
        : entry.subjectType === "file"
          ? `${base}/files`
          : entry.subjectType === "change_order"
            ? `${base}/changes`
            : entry.subjectType === "site_log"
              ? `${base}/site-log`
              : undefined;
  return to ? (
    <Link to={to} className="text-slate-700 underline decoration-slate-300 hover:text-emerald-800">
      {entry.summary}
    </Link>
  ) : (
    <span className="text-slate-700">{entry.summary}</span>
  );
}
