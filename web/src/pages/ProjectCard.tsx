// A project on the projects page, saying where things stand: tasks done of all, the next due
// task, overdue and blocked counts, unread message notices, the last activity and the latest
// photo. The page asks for every card's standing at once (GET /api/projects/standing); a card
// shows its project while that answer is on its way.
import type { ProjectInfo, ProjectStanding } from "@rehome/client";
import { Link } from "react-router";
import { Day, When } from "../components/When";

export function ProjectCard({
  project,
  standing,
  unread,
}: {
  project: ProjectInfo;
  standing: ProjectStanding | undefined;
  unread: number;
}) {
  const tasks = standing?.tasks;
  const next = standing?.nextDue;
  const photoUrl = standing?.photo?.url;
  const latest = standing?.lastActivity;

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
        {tasks && (
          <div>
            <p className="flex justify-between text-xs text-slate-700">
              <span>
                {tasks.done} of {tasks.total} tasks done
              </span>
              {tasks.mine ? <span>{tasks.mine} assigned to you</span> : null}
            </p>
            <progress
              className="mt-1 h-1.5 w-full overflow-hidden rounded-full [&::-webkit-progress-bar]:bg-slate-200 [&::-webkit-progress-value]:bg-emerald-600"
              max={Math.max(tasks.total, 1)}
              value={tasks.done}
              aria-label={`${tasks.done} of ${tasks.total} tasks done`}
            />
          </div>
        )}
        <ul className="flex flex-wrap gap-1.5 text-xs empty:hidden" aria-label="Where things stand">
          {tasks && tasks.overdue > 0 && (
            <li className="rounded bg-red-50 px-1.5 py-0.5 text-red-800">{tasks.overdue} overdue</li>
          )}
          {tasks && tasks.blocked > 0 && (
            <li className="rounded bg-amber-50 px-1.5 py-0.5 text-amber-900">{tasks.blocked} blocked</li>
          )}
          {unread > 0 && (
            <li className="rounded bg-sky-50 px-1.5 py-0.5 text-sky-900">
              {unread} unread {unread === 1 ? "message" : "messages"}
            </li>
          )}
        </ul>
        {next && (
          <p className="text-sm text-slate-700 [overflow-wrap:anywhere]">
            Next due <Day day={next.dueDate} className="font-medium" />: {next.title}
          </p>
        )}
        {latest && (
          <p className="mt-auto text-xs text-slate-600 [overflow-wrap:anywhere]">
            <When iso={latest.createdAt} />: {latest.summary}
          </p>
        )}
      </div>
    </Link>
  );
}
