// A project's tasks in the query cache: loaded page by page, kept current by the project
// channel's task events (a client's board also gains and loses tasks as staff share them or
// make them internal), and changed optimistically by moves (on the board, or in time on the
// schedule) so a drop never jumps back.
import type { ProjectEvents, TaskInfo } from "@rehome/client";
import { type QueryClient, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { allPages } from "../hooks/allPages";
import { useChannel } from "../hooks/useChannel";
import { api } from "../session";

type Tasks = TaskInfo[];
/** A move on the board (column and place) or in time (both dates). */
type Move = Partial<Pick<TaskInfo, "status" | "position" | "startDate" | "dueDate">>;
export const tasksKey = (projectId: string) => ["tasks", projectId] as const;

export function useTasks(projectId: string) {
  const queries = useQueryClient();
  const tasks = useQuery({
    queryKey: tasksKey(projectId),
    queryFn: () => allPages((cursor) => api.tasks.list(projectId, { cursor, limit: 200 })),
  });
  useChannel<ProjectEvents>(
    `projects.${projectId}`,
    {
      "task.created": (task) => upsert(queries, task),
      "task.updated": (task) => upsert(queries, task),
      "task.moved": (task) => upsert(queries, task),
      "task.deleted": ({ id }) => drop(queries, projectId, id),
      "task.shown": (task) => upsert(queries, task),
      "task.hidden": ({ id }) => drop(queries, projectId, id),
    },
    { keys: [tasksKey(projectId)] },
  );
  return tasks;
}

export function useMoveTask(projectId: string) {
  const queries = useQueryClient();
  const mutationKey = ["move-task", projectId];
  return useMutation({
    mutationKey,
    // One move at a time: each sends whole dates or a place, and two in flight (two quick arrow
    // presses) could land in the other order and leave the task where it was moved first. Each
    // still shows at once: only the requests wait their turn.
    scope: { id: `move-task.${projectId}` },
    mutationFn: ({ task, to }: { task: TaskInfo; to: Move }) => api.tasks.update(projectId, task.id, to),
    onMutate: async ({ task, to }) => {
      // A list fetch already in flight would answer with the card where it was and undo the move.
      await queries.cancelQueries({ queryKey: tasksKey(projectId) });
      const before = queries.getQueryData<Tasks>(tasksKey(projectId));
      upsert(queries, { ...task, ...to });
      return { before };
    },
    onError: (_error, _move, context) => queries.setQueryData(tasksKey(projectId), context?.before),
    onSuccess: (task) => {
      // A later move of this task is waiting: its answer is the final place, and this one's would
      // put the card back a step meanwhile.
      const waiting = queries.isMutating({
        mutationKey,
        predicate: (m) => (m.state.variables as { task: TaskInfo } | undefined)?.task.id === task.id,
      });
      if (waiting <= 1) upsert(queries, task);
    },
  });
}

/** Newer wins: a late event must not undo a change the cache already has. */
export function upsert(queries: QueryClient, task: TaskInfo) {
  queries.setQueryData<Tasks>(tasksKey(task.projectId), (old) => {
    if (!old) return old;
    const current = old.find((t) => t.id === task.id);
    if (current && current.updatedAt > task.updatedAt) return old;
    return [...old.filter((t) => t.id !== task.id), task];
  });
}

export function drop(queries: QueryClient, projectId: string, taskId: string) {
  queries.setQueryData<Tasks>(tasksKey(projectId), (old) => old?.filter((t) => t.id !== taskId));
}
