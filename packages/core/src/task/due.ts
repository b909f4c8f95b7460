// When a task is late, shared by the server and the web app (no imports: a browser loads it).

/** An open task whose due day is before `today`, the reader's own day (YYYY-MM-DD). */
export const isOverdue = (task: { status: string; dueDate: string | null }, today: string) =>
  task.status !== "done" && task.dueDate !== null && task.dueDate < today;
