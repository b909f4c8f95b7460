// Board order: a task's position is a number within its column; a move takes a position
// between its new neighbours, so one PATCH moves one task and nothing else is renumbered.
import type { TaskInfo, TaskStatus } from "@rehome/client";

export const COLUMNS: { status: TaskStatus; label: string }[] = [
  { status: "todo", label: "To do" },
  { status: "in_progress", label: "In progress" },
  { status: "blocked", label: "Blocked" },
  { status: "done", label: "Done" },
];

export const columnOf = (tasks: TaskInfo[], status: TaskStatus) =>
  tasks
    .filter((t) => t.status === status)
    .sort((a, b) => a.position - b.position || a.id.localeCompare(b.id));

/** Where `task` lands when dropped at `index` of column `status` (index counted without the task). */
export function placeAt(tasks: TaskInfo[], task: TaskInfo, status: TaskStatus, index: number) {
  const others = columnOf(tasks, status).filter((t) => t.id !== task.id);
  const before = others[index - 1]?.position;
  const after = others[index]?.position;
  return { status, position: between(before, after) };
}

function between(before: number | undefined, after: number | undefined): number {
  if (after === undefined) return before === undefined ? Date.now() / 1000 : before + 1;
  if (before === undefined) return after > 1 ? after - 1 : after / 2;
  return (before + after) / 2;
}

/** The place one step away by keyboard: up/down within the column, left/right to the next column. */
export function step(tasks: TaskInfo[], task: TaskInfo, direction: "up" | "down" | "left" | "right") {
  const column = columnOf(tasks, task.status);
  const index = column.findIndex((t) => t.id === task.id);
  if (direction === "up" || direction === "down") {
    const target = direction === "up" ? index - 1 : index + 1;
    if (target < 0 || target >= column.length) return undefined;
    return placeAt(tasks, task, task.status, target);
  }
  const next = COLUMNS[COLUMNS.findIndex((c) => c.status === task.status) + (direction === "left" ? -1 : 1)];
  if (!next) return undefined;
  return placeAt(tasks, task, next.status, Math.min(index, columnOf(tasks, next.status).length));
}
