// Adds a task to the To do column; the title is all it needs, the drawer does the rest. The
// box is free for the next title while one saves. Staff
// choose whether the client sees it (the project's default to start with).
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { submitField } from "../components/forms";
import { Failed } from "../components/States";
import { ui } from "../components/ui";
import { useVisibilityChoice, VisibilityChoice } from "../components/Visibility";
import { usePermissions } from "../hooks/useProject";
import { api } from "../session";
import { upsert } from "./useTasks";

export function NewTask({ projectId }: { projectId: string }) {
  const queries = useQueryClient();
  const { can, visibleByDefault } = usePermissions(projectId);
  const chooses = can("task", "visibility");
  const [visible, setVisible] = useVisibilityChoice(visibleByDefault);
  const [empty, setEmpty] = useState(false);
  const create = useMutation({
    mutationFn: (title: string) =>
      api.tasks.create(projectId, { title, ...(chooses && { clientVisible: visible }) }),
    onSuccess: (task) => upsert(queries, task),
  });
  return (
    <form
      className="mb-4"
      onSubmit={submitField(
        "title",
        (title, restore) => {
          setEmpty(false);
          create.mutate(title, { onError: restore });
        },
        () => setEmpty(true),
      )}
    >
      <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
        <div className="flex min-w-0 grow gap-2">
          <label className="sr-only" htmlFor="new-task">
            New task
          </label>
          <input
            id="new-task"
            name="title"
            maxLength={200}
            placeholder="Add a task…"
            className={ui.field}
            aria-invalid={empty || undefined}
            aria-describedby={empty ? "new-task-empty" : undefined}
            onChange={() => setEmpty(false)}
          />
          <button type="submit" className={ui.primary}>
            Add
          </button>
        </div>
        {chooses && <VisibilityChoice visible={visible} onChange={setVisible} />}
      </div>
      {empty && (
        <p id="new-task-empty" role="alert" className="mt-1 text-sm text-red-700">
          Type a title for the task first.
        </p>
      )}
      {create.isError && <Failed error={create.error} className="mt-2" />}
    </form>
  );
}
