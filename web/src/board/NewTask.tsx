// Adds a task to the To do column; the title is all it needs, the drawer does the rest.
import { useMutation, useQueryClient } from "@tanstack/react-query";
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
      onSubmit={(event) => {
        event.preventDefault();
        const input = event.currentTarget.elements.namedItem("title") as HTMLInputElement;
        const title = input.value.trim();
        if (!title) return;
        create.mutate(title, { onSuccess: () => (input.value = "") });
      }}
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
      {create.isError && (
        <div className="mt-2">
          <Failed error={create.error} />
        </div>
      )}
    </form>
  );
}
