// Admins manage projects: who is assigned to each and in which role (at most the person's
// workspace role), adding and removing people, whether new items are visible to the client,
// and archiving or reopening the project. Changes to who may do what are confirmed first.
import type { ProjectInfo, Role, UserInfo } from "@rehome/client";
import { ROLE_WORDS } from "@rehome/core/words";
import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { Link } from "react-router";
import { useConfirm } from "../components/Confirm";
import { SelectField } from "../components/Field";
import { Empty, Failed, ListStates, Loading, Saved } from "../components/States";
import { ui } from "../components/ui";
import { usePeople } from "../hooks/useMembers";
import { api } from "../session";
import { ProjectSettings } from "./ProjectSettings";
import { projectRolesFor, RoleField, RoleOptions } from "./roles";

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
      <div className="min-w-0 space-y-4">
        <ProjectSettings key={`settings-${project.id}`} project={project} />
        <Assignments key={project.id} project={project} />
      </div>
    </div>
  );
}

const WITHIN = "A project role can't be above the person's workspace role.";

function Assignments({ project }: { project: ProjectInfo }) {
  const queries = useQueryClient();
  const key = ["assignments", project.id];
  // Workspace admins are listed too, on the project by their workspace role: nothing to change here.
  const assignments = useQuery({
    queryKey: key,
    queryFn: () => api.assignments.list(project.id),
    select: ({ items }) => ({ items: items.filter((a) => !a.workspaceAdmin) }),
  });
  const people = usePeople();
  const { ask, dialog } = useConfirm();
  const [saved, setSaved] = useState<string>();
  const refresh = () => queries.invalidateQueries({ queryKey: key });
  const assign = useMutation({
    mutationFn: ({ person, role }: { person: Pick<UserInfo, "id" | "name">; role: Role }) =>
      api.assignments.set(project.id, person.id, { role }),
    onMutate: () => setSaved(undefined),
    onSuccess: (_, { person, role }) => {
      setSaved(`Saved: ${person.name} is ${ROLE_WORDS[role].toLowerCase()} on ${project.name}.`);
      return refresh();
    },
  });
  const unassign = useMutation({
    mutationFn: (person: Pick<UserInfo, "id" | "name">) => api.assignments.remove(project.id, person.id),
    onMutate: () => setSaved(undefined),
    onSuccess: (_, person) => {
      setSaved(`Saved: ${person.name} is no longer on ${project.name}.`);
      return refresh();
    },
  });
  const byId = new Map((people.data ?? []).map((p) => [p.id, p]));
  const assigned = new Set(assignments.data?.items.map((a) => a.userId));
  // Invited people can be assigned before they accept; deactivated ones cannot. Admins are on
  // every project by their workspace role: offering them first made "admin as client" the default.
  // Offered only once both lists are in: before the assignments arrive, everyone looked unassigned
  // and a pick could vanish under the pointer.
  const candidates = assignments.data
    ? (people.data ?? []).filter(
        (p) => p.status !== "deactivated" && p.role !== "admin" && !assigned.has(p.id),
      )
    : [];
  // Everyone but admins is on the project already: say so, rather than an empty form.
  const nobodyLeft = Boolean(assignments.data && people.data) && candidates.length === 0;
  const [candidateId, setCandidateId] = useState<string>();
  const candidate = candidates.find((p) => p.id === candidateId) ?? candidates[0];
  const error = assign.error ?? unassign.error;

  const changeRole = async (person: Pick<UserInfo, "id" | "name">, role: Role) => {
    const yes = await ask({
      title: `Make ${person.name} ${ROLE_WORDS[role].toLowerCase()} on ${project.name}?`,
      body: "What they may do on this project changes at once; their open pages reconnect in the new role.",
      confirm: "Change role",
    });
    if (yes) assign.mutate({ person, role });
  };
  const remove = async (person: Pick<UserInfo, "id" | "name">) => {
    const yes = await ask({
      title: `Remove ${person.name} from ${project.name}?`,
      body: "They stop seeing the project at once.",
      confirm: "Remove",
      danger: true,
    });
    if (yes) unassign.mutate(person);
  };

  return (
    <section aria-labelledby="assignments-title" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="assignments-title" className="mb-1 font-semibold">
        People on {project.name}
      </h2>
      <p className="mb-3 text-sm text-slate-600">{WITHIN}</p>
      {error && <Failed error={error} className="mb-3" />}
      {saved && <Saved className="mb-3">{saved}</Saved>}
      <ListStates
        list={assignments}
        what="assignments"
        count={assignments.data?.items.length ?? 0}
        empty="Nobody is assigned yet; admins see every project anyway."
      />
      <ul className="divide-y divide-slate-100 text-sm" aria-label="Assigned people">
        {assignments.data?.items.map((a) => {
          const workspaceRole = byId.get(a.userId)?.role;
          const person = { id: a.userId, name: a.name };
          return (
            <li key={a.userId} className="flex flex-wrap items-center gap-3 py-2" data-testid="assignment">
              <span className="min-w-40 grow">
                <span className="block font-medium [overflow-wrap:anywhere]">{a.name}</span>
                {workspaceRole && (
                  <span className="block text-xs text-slate-500">
                    Workspace role: {ROLE_WORDS[workspaceRole]}
                  </span>
                )}
              </span>
              <span className="flex gap-2">
                <select
                  aria-label={`Role of ${a.name} on the project`}
                  value={a.role}
                  onChange={(event) => changeRole(person, event.target.value as Role)}
                  className={`${ui.field} w-36 py-1`}
                >
                  <RoleOptions roles={workspaceRole && projectRolesFor(workspaceRole, a.role)} />
                </select>
                <button type="button" className={`${ui.danger} py-1`} onClick={() => remove(person)}>
                  Remove
                </button>
              </span>
            </li>
          );
        })}
      </ul>
      {nobodyLeft ? (
        <p className="mt-4 border-t border-slate-100 pt-4 text-sm text-slate-600">
          Nobody else can be assigned here. To add someone, invite them from{" "}
          <Link to="../people" className="font-medium text-emerald-800 underline">
            People
          </Link>
          .
        </p>
      ) : (
        <form
          aria-label="Assign someone"
          className="mt-4 flex flex-wrap items-start gap-3 border-t border-slate-100 pt-4"
          onSubmit={(event) => {
            event.preventDefault();
            const role = String(new FormData(event.currentTarget).get("role")) as Role;
            if (candidate) assign.mutate({ person: candidate, role });
          }}
        >
          <SelectField
            label="Person"
            name="userId"
            required
            labelClassName="min-w-48 grow"
            value={candidate?.id ?? ""}
            onChange={(event) => setCandidateId(event.target.value)}
          >
            {candidates.map((p) => (
              <option key={p.id} value={p.id}>
                {p.name} ({ROLE_WORDS[p.role].toLowerCase()})
              </option>
            ))}
          </SelectField>
          <RoleField
            key={candidate?.id}
            label="Role on the project"
            name="role"
            roles={candidate && projectRolesFor(candidate.role)}
            defaultValue={candidate?.role}
            help={candidate && `Up to ${ROLE_WORDS[candidate.role].toLowerCase()}, their workspace role.`}
          />
          <button
            type="submit"
            className={`${ui.primary} mt-6`}
            disabled={candidates.length === 0 || assign.isPending}
          >
            Assign
          </button>
        </form>
      )}
      {dialog}
    </section>
  );
}
