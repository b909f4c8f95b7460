// Adds a task to the To do column; the title is all it needs, the drawer does the rest.
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { submitField } from "../components/forms";
import { Failed } from "../components/States";
import { ui } from "../components/ui";
import { api } from "../session";
import { upsert } from "./useTasks";

export function NewTask({ projectId }: { projectId: string }) {
  const queries = useQueryClient();
  const create = useMutation({
    mutationFn: (title: string) => api.tasks.create(projectId, { title }),
    onSuccess: (task) => upsert(queries, task),
  });
  return (
    <form
      className="mb-4"
      onSubmit={submitField("title", (title, clear) => create.mutate(title, { onSuccess: clear }))}
    >
      <div className="flex gap-2">
        <label className="sr-only" htmlFor="new-task">
          New task
        </label>
        <input id="new-task" name="title" maxLength={200} placeholder="Add a task…" className={ui.field} />
        <button type="submit" className={ui.primary} disabled={create.isPending}>
          Add
        </button>
      </div>
      {create.isError && <Failed error={create.error} className="mt-2" />}
    </form>
  );
}
