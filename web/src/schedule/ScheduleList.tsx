// The schedule as a list, for phones and screen readers: each dated task with its dates, title,
// assignee and status, under its group's heading; overdue ones say so in words, not colour alone.
import type { TaskInfo } from "@rehome/client";
import { isOverdue } from "@rehome/core/task/due";
import { Day } from "../components/When";
import { type Group, spanOf, statusLabel } from "./timeline";

interface Props {
  groups: Group[];
  today: string;
  nameOf: (id: string) => string;
  onOpen: (task: TaskInfo) => void;
}

export function ScheduleList({ groups, today, nameOf, onOpen }: Props) {
  return (
    <div className="space-y-4" data-testid="schedule-list">
      {groups.map((group) => (
        <section key={group.key} aria-label={group.label}>
          <h3 className="mb-1 text-sm font-semibold text-slate-800">
            {group.label} <span className="font-normal text-slate-600">({group.tasks.length})</span>
          </h3>
          <ul className="divide-y divide-slate-100 rounded-md border border-slate-200 bg-white">
            {group.tasks.map((task) => {
              const span = spanOf(task);
              const overdue = isOverdue(task, today);
              return (
                <li key={task.id} className="px-3 py-2 text-sm">
                  <p className="text-slate-700">
                    {span && <Day day={span.start} />}
                    {span && span.start !== span.end && (
                      <>
                        {" – "}
                        <Day day={span.end} />
                      </>
                    )}
                    {overdue && <span className="ml-2 font-medium text-red-800">Overdue</span>}
                  </p>
                  <button
                    type="button"
                    className="text-left font-medium text-slate-900 underline-offset-2 hover:underline [overflow-wrap:anywhere]"
                    onClick={() => onOpen(task)}
                  >
                    {task.title}
                  </button>
                  <p className="text-slate-600">
                    {task.assigneeId ? nameOf(task.assigneeId) : "Unassigned"} · {statusLabel(task.status)}
                  </p>
                </li>
              );
            })}
          </ul>
        </section>
      ))}
    </div>
  );
}
