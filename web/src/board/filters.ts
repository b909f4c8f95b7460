// Narrowing the board: a text search and "mine" / "overdue" toggles, kept in the URL so a
// filtered board can be shared. Moves place a card among the cards in view.
import type { TaskInfo } from "@rehome/client";
import { isOverdue } from "@rehome/core/task/due";

export interface BoardFilter {
  text: string;
  mine: boolean;
  overdue: boolean;
}

export const readFilter = (params: URLSearchParams): BoardFilter => ({
  text: params.get("q") ?? "",
  mine: params.get("mine") === "1",
  overdue: params.get("overdue") === "1",
});

export function matches(task: TaskInfo, filter: BoardFilter, me: string | undefined, today: string) {
  const text = filter.text.trim().toLowerCase();
  if (text && !`${task.title} ${task.labels.join(" ")}`.toLowerCase().includes(text)) return false;
  if (filter.mine && task.assigneeId !== me) return false;
  if (filter.overdue && !isOverdue(task, today)) return false;
  return true;
}
