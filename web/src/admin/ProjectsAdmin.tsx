// Admins manage projects: who is assigned to each (and in which role), adding and removing
// people, and archiving or reopening the project.
import type { ProjectInfo, Role } from "@rehome/client";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { SelectField } from "../components/Field";
import { Empty, Failed, ListStates, Loading } from "../components/States";
import { ui } from "../components/ui";
import { usePeople } from "../hooks/useMembers";
import { api } from "../session";
import { RoleField, RoleOptions } from "./roles";

export function ProjectsAdmin() {
  const projects = useQuery({ queryKey: ["projects"], queryFn: () => api.projects.list({ limit: 100 }) });
  const [chosen, setChosen] = useState<string>();
  if (projects.isPending) return <Loading what="projects" />;
  if (projects.isError) return <Failed error={projects.error} retry={() => projects.refetch()} />;
  const project = projects.data.items.find((p) => p.id === chosen) ?? projects.data.items[0];
  if (!project) return <Empty>No projects yet.</Empty>;
  return (
    <div className="grid gap-4 md:grid-cols-[16rem_minmax(0,1fr)]">
      <nav aria-label="Projects" className="space-y-1">
        {projects.data.items.map((p) => (
          <button
            key={p.id}
            type="button"
            aria-current={p.id === project.id ? "true" : undefined}
            onClick={() => setChosen(p.id)}
            className={`block w-full rounded-md px-3 py-2 text-left text-sm ${p.id === project.id ? "bg-emerald-50 font-medium text-emerald-900" : "text-slate-700 hover:bg-slate-100"}`}
          >
            {p.name}
            {p.status === "archived" && <span className="ml-1 text-xs text-slate-500">(archived)</span>}
          </button>
        ))}
      </nav>
      <Assignments key={project.id} project={project} />
    </div>
  );
}

function Assignments({ project }: { project: ProjectInfo }) {
  const queries = useQueryClient();
  const key = ["assignments", project.id];
  const assignments = useQuery({ queryKey: key, queryFn: () => api.assignments.list(project.id) });
  const people = usePeople();
  const refresh = () => queries.invalidateQueries({ queryKey: key });
  const assign = useMutation({
    mutationFn: ({ userId, role }: { userId: string; role: Role }) =>
      api.assignments.set(project.id, userId, { role }),
    onSuccess: refresh,
  });
  const unassign = useMutation({
    mutationFn: (userId: string) => api.assignments.remove(project.id, userId),
    onSuccess: refresh,
  });
  const archive = useMutation({
    mutationFn: () =>
      api.projects.update(project.id, { status: project.status === "active" ? "archived" : "active" }),
    onSuccess: () => queries.invalidateQueries({ queryKey: ["projects"] }),
  });
  const assigned = new Set(assignments.data?.items.map((a) => a.userId));
  // Invited people can be assigned before they accept; deactivated ones cannot.
  const candidates = (people.data ?? []).filter((p) => p.status !== "deactivated" && !assigned.has(p.id));
  const error = assign.error ?? unassign.error ?? archive.error;

  return (
    <section aria-labelledby="assignments-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <div className="mb-3 flex flex-wrap items-center justify-between gap-2">
        <h2 id="assignments-title" className="font-semibold">
          {project.name}
        </h2>
        <button
          type="button"
          className={ui.secondary}
          onClick={() => archive.mutate()}
          disabled={archive.isPending}
        >
          {project.status === "active" ? "Archive project" : "Reopen project"}
        </button>
      </div>
      {error && <Failed error={error} />}
      <ListStates
        list={assignments}
        what="assignments"
        count={assignments.data?.items.length ?? 0}
        empty="Nobody is assigned yet; admins see every project anyway."
      />
      <ul className="divide-y divide-slate-100 text-sm" aria-label="Assigned people">
        {assignments.data?.items.map((a) => (
          <li key={a.userId} className="flex flex-wrap items-center gap-3 py-2" data-testid="assignment">
            <span className="grow font-medium">{a.name}</span>
            <span className="w-36">
              <select
                aria-label={`Role of ${a.name} on the project`}
                value={a.role}
                onChange={(event) => assign.mutate({ userId: a.userId, role: event.target.value as Role })}
                className={`${ui.field} py-1`}
              >
                <RoleOptions />
              </select>
            </span>
            <button type="button" className={`${ui.danger} py-1`} onClick={() => unassign.mutate(a.userId)}>
              Remove
            </button>
          </li>
        ))}
      </ul>
      <form
        aria-label="Assign someone"
        className="mt-4 flex flex-wrap items-end gap-3 border-t border-slate-100 pt-4"
        onSubmit={(event) => {
          event.preventDefault();
          const data = new FormData(event.currentTarget);
          assign.mutate({ userId: String(data.get("userId")), role: String(data.get("role")) as Role });
        }}
      >
        <SelectField label="Person" name="userId" required labelClassName="min-w-48 grow">
          {candidates.map((p) => (
            <option key={p.id} value={p.id}>
              {p.name} ({p.role})
            </option>
          ))}
        </SelectField>
        <RoleField label="Role on the project" name="role" />
        <button type="submit" className={ui.primary} disabled={candidates.length === 0 || assign.isPending}>
          Assign
        </button>
      </form>
    </section>
  );
}
