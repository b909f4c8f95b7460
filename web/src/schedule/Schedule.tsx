// A project's schedule: its dated tasks on a timeline (or as a list: the default on phones, and a
// toggle everywhere for screen readers), grouped by status or assignee, kept live by the board's
// task events. Undated tasks are counted under "Not scheduled". Staff may share it as a calendar.
import type { TaskInfo } from "@rehome/client";
import { useState } from "react";
import { useNavigate, useParams } from "react-router";
import { useMoveTask, useTasks } from "../board/useTasks";
import { Failed, Loading } from "../components/States";
import { dayOf, localToday } from "../components/When";
import { useMembers } from "../hooks/useMembers";
import { usePermissions } from "../hooks/useProject";
import { CalendarLink } from "./CalendarLink";
import { ScheduleList } from "./ScheduleList";
import { Timeline } from "./Timeline";
import { type GroupBy, groupsOf, shifted, spanOf } from "./timeline";

type View = "timeline" | "list";
const PHONE = "(max-width: 699px)";

export function Schedule() {
  const { projectId = "" } = useParams();
  const tasks = useTasks(projectId);
  const move = useMoveTask(projectId);
  const { can } = usePermissions(projectId);
  const members = useMembers(projectId);
  // Someone who has left the project still names their tasks' row.
  const nameOf = (id: string) => members.nameOf(id) ?? "Former member";
  const navigate = useNavigate();
  const [view, setView] = useState<View>(() => (window.matchMedia(PHONE).matches ? "list" : "timeline"));
  const [groupBy, setGroupBy] = useState<GroupBy>("status");
  const [announcement, setAnnouncement] = useState("");
  const today = localToday();

  if (tasks.isPending) return <Loading what="the schedule" />;
  if (tasks.isError) return <Failed error={tasks.error} retry={() => tasks.refetch()} />;
  const dated = tasks.data.filter((t) => spanOf(t));
  const undated = tasks.data.filter((t) => !spanOf(t)).sort((a, b) => a.title.localeCompare(b.title));
  const groups = groupsOf(dated, groupBy, nameOf);

  // Dates are an edit of the task: the table's `edit` row decides, as the API does.
  const mayMove = (task: TaskInfo) => can("task", "edit", task);
  const onMove = (task: TaskInfo, days: number) => {
    if (!mayMove(task)) return;
    const to = shifted(task, days);
    move.mutate({ task, to });
    const span = spanOf(to);
    if (span)
      setAnnouncement(
        `${task.title} moved to ${span.start === span.end ? dayOf(span.end) : `${dayOf(span.start)} to ${dayOf(span.end)}`}.`,
      );
  };
  const onOpen = (task: TaskInfo) => navigate(`../board?task=${task.id}`);

  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <Toggle
          label="Show as"
          value={view}
          options={[
            ["timeline", "Timeline"],
            ["list", "List"],
          ]}
          onChange={setView}
        />
        <Toggle
          label="Group by"
          value={groupBy}
          options={[
            ["status", "Status"],
            ["assignee", "Assignee"],
          ]}
          onChange={setGroupBy}
        />
      </div>
      {can("task", "visibility") && <CalendarLink projectId={projectId} />}
      <p id="schedule-move-help" className="sr-only">
        Left and right arrow keys move its dates by a day; with Shift, by a week.
      </p>
      <p aria-live="polite" className="sr-only" data-testid="schedule-announcement">
        {announcement}
      </p>
      {move.isError && <Failed error={move.error} />}
      {dated.length === 0 ? (
        <p className="rounded-md border border-dashed border-slate-300 p-4 text-sm text-slate-600">
          No task has a start or due date yet. Give tasks dates on the board to see them here.
        </p>
      ) : view === "timeline" ? (
        <Timeline
          groups={groups}
          today={today}
          nameOf={nameOf}
          mayMove={mayMove}
          onMove={onMove}
          onOpen={onOpen}
        />
      ) : (
        <ScheduleList groups={groups} today={today} nameOf={nameOf} onOpen={onOpen} />
      )}
      {undated.length > 0 && (
        <section aria-labelledby="not-scheduled">
          <h3 id="not-scheduled" className="mb-1 text-sm font-semibold text-slate-800">
            Not scheduled <span className="font-normal text-slate-600">({undated.length})</span>
          </h3>
          <ul className="flex flex-wrap gap-2">
            {undated.map((task) => (
              <li key={task.id}>
                <button
                  type="button"
                  className="rounded border border-slate-200 bg-white px-2 py-1 text-left text-sm text-slate-800 hover:bg-slate-50 [overflow-wrap:anywhere]"
                  onClick={() => onOpen(task)}
                >
                  {task.title}
                </button>
              </li>
            ))}
          </ul>
        </section>
      )}
    </div>
  );
}

function Toggle<T extends string>({
  label,
  value,
  options,
  onChange,
}: {
  label: string;
  value: T;
  options: [T, string][];
  onChange: (value: T) => void;
}) {
  return (
    <fieldset className="flex items-center gap-2">
      <legend className="sr-only">{label}</legend>
      <span aria-hidden="true" className="text-sm text-slate-600">
        {label}
      </span>
      <div className="inline-flex rounded-md border border-slate-300 bg-white p-0.5">
        {options.map(([option, name]) => (
          <button
            key={option}
            type="button"
            aria-pressed={value === option}
            className={`rounded px-3 py-1 text-sm ${value === option ? "bg-emerald-700 font-medium text-white" : "text-slate-700 hover:bg-slate-50"}`}
            onClick={() => onChange(option)}
          >
            {name}
          </button>
        ))}
      </div>
    </fieldset>
  );
}
