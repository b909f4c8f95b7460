// The schedule's arithmetic on calendar days (YYYY-MM-DD, no time zone): a task's span, the
// weeks the timeline shows, overdue, grouping, and a move by whole days. Pure, so it is tested alone.
import type { TaskInfo, TaskStatus } from "@rehome/client";
import { COLUMNS } from "../board/positions";

const DAY_MS = 86_400_000;
const toTime = (day: string) => Date.parse(`${day}T00:00:00Z`);
const fromTime = (time: number) => new Date(time).toISOString().slice(0, 10);

export const addDays = (day: string, days: number) => fromTime(toTime(day) + days * DAY_MS);
export const daysBetween = (from: string, to: string) => Math.round((toTime(to) - toTime(from)) / DAY_MS);

/** The Monday of the week of `day` (weeks start on Monday, as building sites plan them). */
export const mondayOf = (day: string) => addDays(day, -((new Date(toTime(day)).getUTCDay() + 6) % 7));

export interface Span {
  start: string;
  /** Inclusive. */
  end: string;
}

/** From the start to the due date, or the one date the task has; undefined when it has none. */
export function spanOf(task: Pick<TaskInfo, "startDate" | "dueDate">): Span | undefined {
  const start = task.startDate ?? task.dueDate;
  const end = task.dueDate ?? task.startDate;
  return start && end ? { start, end } : undefined;
}

/**
 * The Mondays of the weeks shown: every dated task and today, with a week to spare at the end,
 * and at least `atLeast` weeks so a short schedule still reads as a calendar.
 */
export function weeksOf(spans: Span[], today: string, atLeast = 1): string[] {
  const first = mondayOf([today, ...spans.map((s) => s.start)].sort()[0] ?? today);
  const last = mondayOf([today, ...spans.map((s) => s.end)].sort().at(-1) ?? today);
  const weeks: string[] = [];
  for (let week = first; week <= addDays(last, 7) || weeks.length < atLeast; week = addDays(week, 7))
    weeks.push(week);
  return weeks;
}

/** The task's dates moved by whole days; a date it does not have stays unset. */
export const shifted = (task: Pick<TaskInfo, "startDate" | "dueDate">, days: number) => ({
  startDate: task.startDate ? addDays(task.startDate, days) : null,
  dueDate: task.dueDate ? addDays(task.dueDate, days) : null,
});

export type GroupBy = "status" | "assignee";

export interface Group {
  key: string;
  label: string;
  tasks: TaskInfo[];
}

/** Groups in a fixed order (board columns; people by name, unassigned last), tasks by start. */
export function groupsOf(tasks: TaskInfo[], by: GroupBy, nameOf: (id: string) => string): Group[] {
  const byStart = [...tasks].sort(
    (a, b) =>
      (spanOf(a)?.start ?? "").localeCompare(spanOf(b)?.start ?? "") || a.title.localeCompare(b.title),
  );
  if (by === "status")
    return COLUMNS.map(({ status, label }) => ({
      key: status,
      label,
      tasks: byStart.filter((t) => t.status === status),
    })).filter((g) => g.tasks.length > 0);
  const people = [...new Set(byStart.map((t) => t.assigneeId))].map((id) => ({
    key: id ?? "none",
    label: id ? nameOf(id) : "Unassigned",
    tasks: byStart.filter((t) => t.assigneeId === id),
  }));
  return people.sort((a, b) =>
    a.key === "none" ? 1 : b.key === "none" ? -1 : a.label.localeCompare(b.label),
  );
}

export const statusLabel = (status: TaskStatus) => COLUMNS.find((c) => c.status === status)?.label ?? status;
