// One task in the drawer: edit its title, description, status, priority, due date and
// labels (only changed fields are sent), reassign, share it with the client or make it
// internal, or delete it — each only where the permission table lets the person (a client
// changes just the status of their own tasks); the rest reads as it is.
import type { TaskInfo } from "@rehome/client";
import { PRIORITY_WORDS, ROLE_WORDS } from "@rehome/core/words";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Link } from "react-router";
import { useConfirm } from "../components/Confirm";
import { Drawer } from "../components/Drawer";
import { SelectField, TextField } from "../components/Field";
import { Failed } from "../components/States";
import { ui } from "../components/ui";
import { InternalBadge, VisibilityToggle } from "../components/Visibility";
import { When } from "../components/When";
import { useMembers } from "../hooks/useMembers";
import { usePermissions } from "../hooks/useProject";
import { api } from "../session";
import { COLUMNS } from "./positions";
import { drop, upsert } from "./useTasks";

const PRIORITIES: TaskInfo["priority"][] = ["low", "medium", "high", "urgent"];
type Patch = Parameters<typeof api.tasks.update>[2];

export function TaskDrawer({ task, onClose }: { task: TaskInfo; onClose: () => void }) {
  const queries = useQueryClient();
  const { members } = useMembers(task.projectId);
  const { can } = usePermissions(task.projectId);
  const { ask, dialog } = useConfirm();
  const may = {
    edit: can("task", "edit", task),
    assign: can("task", "assign", task),
    status: can("task", "status", task),
    delete: can("task", "delete", task),
    visibility: can("task", "visibility", task),
  };
  const changeable = may.edit || may.assign || may.status;
  const save = useMutation({
    mutationFn: (patch: Patch) => api.tasks.update(task.projectId, task.id, patch),
    onSuccess: (updated) => {
      upsert(queries, updated);
      onClose();
    },
  });
  const share = useMutation({
    mutationFn: (clientVisible: boolean) => api.tasks.update(task.projectId, task.id, { clientVisible }),
    onSuccess: (updated) => upsert(queries, updated),
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
      {dialog}
      {may.visibility && (
        <div className="mb-4 flex flex-wrap items-center gap-2 rounded-md bg-slate-50 px-3 py-2 text-sm">
          {!task.clientVisible && <InternalBadge />}
          <span className="grow text-slate-700">
            {task.clientVisible ? "The client sees this task." : "Only staff see this task."}
          </span>
          <VisibilityToggle
            visible={task.clientVisible}
            pending={share.isPending}
            onToggle={(visible) => share.mutate(visible)}
          />
        </div>
      )}
      {!changeable && (
        <p className="mb-4 rounded-md bg-slate-50 px-3 py-2 text-sm text-slate-700">
          The project team keeps this task up to date.
        </p>
      )}
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
        <TextField
          label="Title"
          name="title"
          required
          maxLength={200}
          defaultValue={task.title}
          readOnly={!may.edit}
        />
        <label className={ui.label}>
          Description
          <textarea
            name="description"
            rows={5}
            maxLength={10_000}
            defaultValue={task.description}
            readOnly={!may.edit}
            placeholder={may.edit ? undefined : "No description."}
            className={`${ui.field} mt-1`}
          />
        </label>
        <div className="grid gap-4 sm:grid-cols-2">
          <SelectField label="Status" name="status" defaultValue={task.status} disabled={!may.status}>
            {COLUMNS.map((c) => (
              <option key={c.status} value={c.status}>
                {c.label}
              </option>
            ))}
          </SelectField>
          <SelectField label="Priority" name="priority" defaultValue={task.priority} disabled={!may.edit}>
            {PRIORITIES.map((p) => (
              <option key={p} value={p}>
                {PRIORITY_WORDS[p]}
              </option>
            ))}
          </SelectField>
          <SelectField
            // The project's people may arrive after the drawer opened (a link straight to a task):
            // start again with them, or an assignee not yet listed would read "Unassigned".
            key={members.length}
            label="Assignee"
            name="assigneeId"
            defaultValue={task.assigneeId ?? ""}
            disabled={!may.assign}
            help={may.assign ? undefined : "Only the project team reassigns this task."}
          >
            <option value="">Unassigned</option>
            {members.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name} ({ROLE_WORDS[m.role].toLowerCase()})
              </option>
            ))}
          </SelectField>
          <TextField
            label="Start date"
            name="startDate"
            type="date"
            defaultValue={task.startDate ?? ""}
            readOnly={!may.edit}
          />
          <TextField
            label="Due date"
            name="dueDate"
            type="date"
            defaultValue={task.dueDate ?? ""}
            readOnly={!may.edit}
          />
          <TextField
            label="Labels"
            name="labels"
            defaultValue={task.labels.join(", ")}
            placeholder={may.edit ? "e.g. plumbing, urgent" : undefined}
            help={may.edit ? "Separate labels with commas." : undefined}
            readOnly={!may.edit}
          />
        </div>
        {save.isError && <Failed error={save.error} />}
        {remove.isError && <Failed error={remove.error} />}
        {share.isError && <Failed error={share.error} />}
        {(may.delete || changeable) && (
          <div className="flex flex-wrap justify-between gap-2 border-t border-slate-200 pt-4">
            {may.delete && (
              <button
                type="button"
                className={ui.danger}
                disabled={remove.isPending}
                onClick={async () =>
                  (await ask({ title: `Delete “${task.title}”?`, confirm: "Delete task", danger: true })) &&
                  remove.mutate()
                }
              >
                Delete task
              </button>
            )}
            {changeable && (
              <button type="submit" className={`${ui.primary} ml-auto`} disabled={save.isPending}>
                {save.isPending ? "Saving…" : "Save"}
              </button>
            )}
          </div>
        )}
        <Link
          to={`/projects/${task.projectId}/messages?about=${task.id}`}
          className="block text-sm text-emerald-800 underline"
        >
          Discuss this task in Messages
        </Link>
        <p className="text-xs text-slate-500">
          Created <When iso={task.createdAt} /> · updated <When iso={task.updatedAt} />
        </p>
      </form>
    </Drawer>
  );
}

/**
 * Only what the person changed, so a save never overwrites someone else's edit of another field.
 * Fields they may not change are disabled, so not in the form, so never sent.
 */
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
    startDate: text("startDate") || null,
    dueDate: text("dueDate") || null,
    assigneeId: text("assigneeId") || null,
  };
  const patch: Patch = {};
  for (const [key, value] of Object.entries(next) as [keyof typeof next, string | null][])
    if (form.has(key) && value !== task[key]) Object.assign(patch, { [key]: value });
  if (form.has("labels") && labels.join("\n") !== task.labels.join("\n")) patch.labels = labels;
  return patch;
}
