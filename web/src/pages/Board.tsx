// The task board: columns by status, live updates from the project channel, drag and drop to
// move a card, with a "Move to" select as the keyboard alternative.
import type { TaskInfo } from "@rehome/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import { Failed, Loading } from "../components/States";
import { api, useRealtimeConnection } from "../session";

const COLUMNS = [
  { status: "todo", label: "To do" },
  { status: "in_progress", label: "In progress" },
  { status: "blocked", label: "Blocked" },
  { status: "done", label: "Done" },
] as const;
type Status = TaskInfo["status"];

export function Board({ projectId }: { projectId: string }) {
  const queries = useQueryClient();
  const key = ["tasks", projectId];
  const tasks = useQuery({ queryKey: key, queryFn: () => api.tasks.list(projectId) });
  useLiveTasks(projectId);
  const move = useMutation({
    mutationFn: ({ task, status }: { task: TaskInfo; status: Status }) =>
      api.tasks.update(projectId, task.id, { status, position: Date.now() / 1000 }),
    onSuccess: (task) => upsert(queries, projectId, task),
  });
  const [dragging, setDragging] = useState<TaskInfo>();

  if (tasks.isPending) return <Loading what="tasks" />;
  if (tasks.isError) return <Failed error={tasks.error} />;
  const items = tasks.data.items;
  return (
    <div>
      <NewTask projectId={projectId} />
      <div className="grid gap-4 md:grid-cols-2 lg:grid-cols-4">
        {COLUMNS.map((column) => {
          const cards = items
            .filter((t) => t.status === column.status)
            .sort((a, b) => a.position - b.position);
          return (
            <section
              key={column.status}
              aria-label={column.label}
              data-testid={`column-${column.status}`}
              className="min-h-32 rounded-lg bg-slate-100 p-3"
              onDragOver={(e) => e.preventDefault()}
              onDrop={() =>
                dragging &&
                dragging.status !== column.status &&
                move.mutate({ task: dragging, status: column.status })
              }
            >
              <h2 className="mb-2 text-sm font-semibold text-slate-700">
                {column.label} <span className="text-slate-500">({cards.length})</span>
              </h2>
              <ul className="space-y-2">
                {cards.map((task) => (
                  <li
                    key={task.id}
                    id={`task-${task.id}`}
                    draggable
                    onDragStart={() => setDragging(task)}
                    className="rounded border border-slate-200 bg-white p-3 text-sm shadow-sm"
                  >
                    <p className="font-medium">{task.title}</p>
                    <p className="mt-1 text-xs text-slate-500">
                      {task.dueDate ? `Due ${task.dueDate}` : "No due date"} · {task.priority}
                    </p>
                    <label className="mt-2 block text-xs text-slate-600">
                      Move to{" "}
                      <select
                        aria-label={`Move ${task.title}`}
                        value={task.status}
                        onChange={(e) => move.mutate({ task, status: e.target.value as Status })}
                        className="rounded border border-slate-300 bg-white px-1 py-0.5"
                      >
                        {COLUMNS.map((c) => (
                          <option key={c.status} value={c.status}>
                            {c.label}
                          </option>
                        ))}
                      </select>
                    </label>
                  </li>
                ))}
              </ul>
            </section>
          );
        })}
      </div>
    </div>
  );
}

function NewTask({ projectId }: { projectId: string }) {
  const queries = useQueryClient();
  const create = useMutation({
    mutationFn: (title: string) => api.tasks.create(projectId, { title }),
    onSuccess: (task) => upsert(queries, projectId, task),
  });
  return (
    <form
      className="mb-4 flex gap-2"
      onSubmit={(event) => {
        event.preventDefault();
        const input = event.currentTarget.elements.namedItem("title") as HTMLInputElement;
        if (input.value.trim()) create.mutate(input.value.trim());
        input.value = "";
      }}
    >
      <label className="sr-only" htmlFor="new-task">
        New task
      </label>
      <input
        id="new-task"
        name="title"
        placeholder="Add a task…"
        className="grow rounded border border-slate-300 px-3 py-2 text-sm"
      />
      <button
        type="submit"
        className="rounded bg-emerald-700 px-4 py-2 text-sm font-medium text-white hover:bg-emerald-800"
      >
        Add
      </button>
      {create.isError && <Failed error={create.error} />}
    </form>
  );
}

function upsert(queries: ReturnType<typeof useQueryClient>, projectId: string, task: TaskInfo) {
  queries.setQueryData<{ items: TaskInfo[] }>(["tasks", projectId], (old) =>
    old ? { ...old, items: [...old.items.filter((t) => t.id !== task.id), task] } : old,
  );
}

/** Applies the project's task events to the cached board, so other people's changes appear live. */
function useLiveTasks(projectId: string) {
  const queries = useQueryClient();
  const realtime = useRealtimeConnection();
  useEffect(() => {
    const channel = realtime.private(`projects.${projectId}`);
    const onTask = (task: TaskInfo) => upsert(queries, projectId, task);
    const onDeleted = ({ id }: { id: string }) =>
      queries.setQueryData<{ items: TaskInfo[] }>(["tasks", projectId], (old) =>
        old ? { ...old, items: old.items.filter((t) => t.id !== id) } : old,
      );
    for (const event of ["task.created", "task.updated", "task.moved"]) channel.listen(event, onTask);
    channel.listen("task.deleted", onDeleted);
    return () => realtime.leave(`projects.${projectId}`);
  }, [projectId, queries, realtime]);
}
