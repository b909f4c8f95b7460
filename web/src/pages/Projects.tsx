// The projects this person may see: the whole workspace for admins, their assignments for
// everyone else. Admins can start a new project here.
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Empty, Failed, Loading } from "../components/States";
import { api, useSession } from "../session";
import { NewProject } from "./NewProject";

export function Projects() {
  const user = useSession();
  const projects = useQuery({ queryKey: ["projects"], queryFn: () => api.projects.list({ limit: 100 }) });
  return (
    <section>
      <div className="mb-4 flex flex-wrap items-center justify-between gap-3">
        <h1 className="text-xl font-semibold">Projects</h1>
        {user?.role === "admin" && <NewProject />}
      </div>
      {projects.isPending && <Loading what="projects" />}
      {projects.isError && <Failed error={projects.error} retry={() => projects.refetch()} />}
      {projects.data?.items.length === 0 && <Empty>No projects are shared with you yet.</Empty>}
      <ul
        className="grid grid-cols-[minmax(0,1fr)] gap-3 sm:grid-cols-2 lg:grid-cols-3"
        aria-label="Projects"
      >
        {projects.data?.items.map((p) => (
          <li key={p.id}>
            <Link
              to={`/projects/${p.id}`}
              className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm transition-colors hover:border-emerald-400"
            >
              <h2 className="font-medium [overflow-wrap:anywhere]">{p.name}</h2>
              <p className="mt-1 line-clamp-2 text-sm text-slate-600 [overflow-wrap:anywhere]">
                {p.description}
              </p>
              {p.status === "archived" && <p className="mt-2 text-xs text-slate-500">Archived</p>}
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
