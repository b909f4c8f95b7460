// One project's settings for admins: whether new tasks, messages and files are visible to the
// client unless their author chooses, and archiving or reopening the project.
import type { ProjectInfo } from "@rehome/client";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { Failed, Saved } from "../components/States";
import { ui } from "../components/ui";
import { projectKey } from "../hooks/useProject";
import { api } from "../session";

type Change = Parameters<typeof api.projects.update>[1];

const DEFAULTS = [
  { visible: true, label: "Visible to the client", help: "Staff can still mark any item internal." },
  { visible: false, label: "Internal", help: "Only staff see new items until someone shares them." },
];

export function ProjectSettings({ project }: { project: ProjectInfo }) {
  const queries = useQueryClient();
  const update = useMutation({
    mutationFn: (change: Change) => api.projects.update(project.id, change),
    // A refetch already in flight would answer with the setting from before the save.
    onMutate: () => queries.cancelQueries({ queryKey: projectKey(project.id) }),
    onSuccess: async (updated) => {
      queries.setQueryData(projectKey(project.id), updated);
      await queries.invalidateQueries({ queryKey: ["projects"] });
    },
  });
  const choosing = update.isPending ? update.variables.clientVisibleByDefault : undefined;
  const visibleByDefault = choosing ?? project.clientVisibleByDefault;
  // Said for the visibility only: archiving shows itself in the button and the project list.
  const saved = update.isSuccess && update.variables.clientVisibleByDefault !== undefined;
  return (
    <section aria-labelledby="settings-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="settings-title" className="font-semibold">
          {project.name}
        </h2>
        <button
          type="button"
          className={ui.secondary}
          onClick={() => update.mutate({ status: project.status === "active" ? "archived" : "active" })}
          disabled={update.isPending}
        >
          {project.status === "active" ? "Archive project" : "Reopen project"}
        </button>
      </div>
      <fieldset>
        <legend className={ui.label}>New tasks, messages and files</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {DEFAULTS.map((option) => (
            <label
              key={option.label}
              className="flex cursor-pointer gap-2 rounded-md border border-slate-200 p-3 text-sm has-checked:border-emerald-600 has-checked:bg-emerald-50"
            >
              <input
                type="radio"
                name="clientVisibleByDefault"
                checked={visibleByDefault === option.visible}
                disabled={update.isPending}
                onChange={() => update.mutate({ clientVisibleByDefault: option.visible })}
                className="mt-0.5 size-4 accent-emerald-700"
              />
              <span>
                <span className="block font-medium text-slate-800">{option.label}</span>
                <span className="block text-slate-600">{option.help}</span>
              </span>
            </label>
          ))}
        </div>
      </fieldset>
      {update.isError && <Failed error={update.error} className="mt-3" />}
      {saved && (
        <Saved className="mt-3">
          Saved: new items are {update.data?.clientVisibleByDefault ? "visible to the client" : "internal"}.
        </Saved>
      )}
    </section>
  );
}
