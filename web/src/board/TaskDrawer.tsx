// One task in the drawer: edit its title, description, status, priority, due date and
// labels (only changed fields are sent), or delete it.
import type { TaskInfo } from "@rehome/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { Drawer } from "../components/Drawer";
import { SelectField, TextField } from "../components/Field";
import { Failed } from "../components/States";
import { ui } from "../components/ui";
import { useMembers } from "../hooks/useMembers";
import { api } from "../session";
import { COLUMNS } from "./positions";
import { drop, upsert } from "./useTasks";

const PRIORITIES: TaskInfo["priority"][] = ["low", "medium", "high", "urgent"];
type Patch = Parameters<typeof api.tasks.update>[2];

export function TaskDrawer({ task, onClose }: { task: TaskInfo; onClose: () => void }) {
  const queries = useQueryClient();
  const { members } = useMembers(task.projectId);
  const save = useMutation({
    mutationFn: (patch: Patch) => api.tasks.update(task.projectId, task.id, patch),
    onSuccess: (updated) => {
      upsert(queries, updated);
      onClose();
    },
  });
  const remove = useMutation({
    mutationFn: () => api.tasks.remove(task.projectId, task.id),
    onSuccess: () => {
      drop(queries, task.projectId, task.id);
      onClose();
    },
  });

  return (
    <Drawer title={task.title} onClose={onClose}>
      <form
        key={task.id}
        className="space-y-4"
        onSubmit={(event) => {
          event.preventDefault();
          const patch = changes(task, new FormData(event.currentTarget));
          if (Object.keys(patch).length === 0) onClose();
          else save.mutate(patch);
        }}
      >
        <TextField label="Title" name="title" required maxLength={200} defaultValue={task.title} />
        <label className={ui.label}>
          Description
          <textarea
            name="description"
            rows={5}
            maxLength={10_000}
            defaultValue={task.description}
            className={`${ui.field} mt-1`}
          />
        </label>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Status" name="status" defaultValue={task.status}>
            {COLUMNS.map((c) => (
              <option key={c.status} value={c.status}>
                {c.label}
              </option>
            ))}
          </SelectField>
          <SelectField label="Priority" name="priority" defaultValue={task.priority}>
            {PRIORITIES.map((p) => (
              <option key={p}>{p}</option>
            ))}
          </SelectField>
          <SelectField label="Assignee" name="assigneeId" defaultValue={task.assigneeId ?? ""}>
            <option value="">Unassigned</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({m.role})
              </option>
            ))}
          </SelectField>
          <TextField label="Due date" name="dueDate" type="date" defaultValue={task.dueDate ?? ""} />
          <TextField
            label="Labels"
            name="labels"
            defaultValue={task.labels.join(", ")}
            placeholder="e.g. plumbing, urgent"
            help="Separate labels with commas."
          />
        </div>
        {save.isError && <Failed error={save.error} />}
        {remove.isError && <Failed error={remove.error} />}
        <div className="flex flex-wrap justify-between gap-2 border-t border-slate-200 pt-4">
          <button
            type="button"
            className={ui.danger}
            disabled={remove.isPending}
            onClick={() => window.confirm(`Delete “${task.title}”?`) && remove.mutate()}
          >
            Delete task
          </button>
          <button type="submit" className={ui.primary} disabled={save.isPending}>
            {save.isPending ? "Saving…" : "Save"}
          </button>
        </div>
        <Link
          to={`/projects/${task.projectId}/messages?about=${task.id}`}
          className="block text-sm text-emerald-800 underline"
        >
          Discuss this task in Messages
        </Link>
        <p className="text-xs text-slate-500">
          Created {new Date(task.createdAt).toLocaleString()} · updated{" "}
          {new Date(task.updatedAt).toLocaleString()}
        </p>
      </form>
    </Drawer>
  );
}

/** Only what the person changed, so a save never overwrites someone else's edit of another field. */
function changes(task: TaskInfo, form: FormData): Patch {
  const text = (name: string) => String(form.get(name) ?? "").trim();
  const labels = [
    ...new Set(
      text("labels")
        .split(",")
        .map((l) => l.trim())
        .filter(Boolean),
    ),
  ];
  const next = {
    title: text("title"),
    description: text("description"),
    status: text("status") as TaskInfo["status"],
    priority: text("priority") as TaskInfo["priority"],
    dueDate: text("dueDate") || null,
    assigneeId: text("assigneeId") || null,
  };
  const patch: Patch = {};
  for (const [key, value] of Object.entries(next) as [keyof typeof next, string | null][])
    if (value !== task[key]) Object.assign(patch, { [key]: value });
  if (labels.join("\n") !== task.labels.join("\n")) patch.labels = labels;
  return patch;
}
