// A project on the projects page, saying where things stand: tasks done of all, the next due
// task, overdue and blocked counts, unread message notices, the last activity and the latest
// photo. Each card asks for its own project's tasks, newest activity and files.
import type { ProjectInfo } from "@rehome/client";
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { isOverdue } from "../board/filters";
import { Day, When } from "../components/When";
import { isImage, useFileUrl } from "../files/useFileUrl";
import { allPages } from "../hooks/allPages";
import { api, useSession } from "../session";

export function ProjectCard({ project, unread }: { project: ProjectInfo; unread: number }) {
  const me = useSession();
  const tasks = useQuery({
    queryKey: ["tasks", project.id],
    queryFn: () => allPages((cursor) => api.tasks.list(project.id, { cursor, limit: 200 })),
  });
  const latest = useQuery({
    queryKey: ["project-card", project.id],
    queryFn: async () => {
      const [activity, files] = await Promise.all([
        api.activity.list(project.id, { limit: 1 }),
        api.files.list(project.id, { limit: 50 }),
      ]);
      return { activity: activity.items[0], photo: files.items.find(isImage) };
    },
  });
  const photoUrl = useFileUrl(project.id, latest.data?.photo);
  const today = new Date().toLocaleDateString("en-CA");
  const all = tasks.data ?? [];
  const open = all.filter((t) => t.status !== "done");
  const done = all.length - open.length;
  const overdue = open.filter((t) => isOverdue(t, today)).length;
  const blocked = open.filter((t) => t.status === "blocked").length;
  const next = open
    .filter((t) => t.dueDate && t.dueDate >= today)
    .sort((a, b) => (a.dueDate ?? "").localeCompare(b.dueDate ?? ""))[0];
  const mine = me && open.filter((t) => t.assigneeId === me.id).length;

  return (
    <Link
      to={`/projects/${project.id}`}
      data-testid="project-card"
      className="flex h-full flex-col overflow-hidden rounded-lg border border-slate-200 bg-white shadow-sm transition-colors hover:border-emerald-400"
    >
      {photoUrl && (
        <img src={photoUrl} alt="" className="h-32 w-full object-cover" data-testid="project-photo" />
      )}
      <div className="flex grow flex-col gap-2 p-4">
        <h2 className="font-medium [overflow-wrap:anywhere]">{project.name}</h2>
        {project.description && (
          <p className="line-clamp-2 text-sm text-slate-600 [overflow-wrap:anywhere]">
            {project.description}
          </p>
        )}
        {project.status === "archived" && <p className="text-xs text-slate-600">Archived</p>}
        {tasks.data && (
          <div>
            <p className="flex justify-between text-xs text-slate-700">
              <span>
                {done} of {all.length} tasks done
              </span>
              {mine ? <span>{mine} assigned to you</span> : null}
            </p>
            <progress
              className="mt-1 h-1.5 w-full overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-emerald-600"
              max={Math.max(all.length, 1)}
              value={done}
              aria-label={`${done} of ${all.length} tasks done`}
            />
          </div>
        )}
        <ul className="flex flex-wrap gap-1.5 text-xs empty:hidden" aria-label="Where things stand">
          {overdue > 0 && <li className="rounded bg-red-50 px-1.5 py-0.5 text-red-800">{overdue} overdue</li>}
          {blocked > 0 && (
            <li className="rounded bg-amber-50 px-1.5 py-0.5 text-amber-900">{blocked} blocked</li>
          )}
          {unread > 0 && (
            <li className="rounded bg-sky-50 px-1.5 py-0.5 text-sky-900">
              {unread} unread {unread === 1 ? "message" : "messages"}
            </li>
          )}
        </ul>
        {next?.dueDate && (
          <p className="text-sm text-slate-700 [overflow-wrap:anywhere]">
            Next due <Day day={next.dueDate} className="font-medium" />: {next.title}
          </p>
        )}
        {latest.data?.activity && (
          <p className="mt-auto text-xs text-slate-600 [overflow-wrap:anywhere]">
            <When iso={latest.data.activity.createdAt} />: {latest.data.activity.summary}
          </p>
        )}
      </div>
    </Link>
  );
}
