// The projects this person may see: all of the workspace for admins, their assignments otherwise.
import { useQuery } from "@tanstack/react-query";
import { Link } from "react-router";
import { Empty, Failed, Loading } from "../components/States";
import { api } from "../session";

export function Projects() {
  const projects = useQuery({ queryKey: ["projects"], queryFn: () => api.projects.list() });
  return (
    <section>
      <h1 className="mb-4 text-xl font-semibold">Projects</h1>
      {projects.isPending && <Loading what="projects" />}
      {projects.isError && <Failed error={projects.error} />}
      {projects.data?.items.length === 0 && <Empty>No projects are shared with you yet.</Empty>}
      <ul className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3" aria-label="Projects">
        {projects.data?.items.map((p) => (
          <li key={p.id}>
            <Link
              to={`/projects/${p.id}`}
              className="block h-full rounded-lg border border-slate-200 bg-white p-4 shadow-sm hover:border-emerald-400"
            >
              <h2 className="font-medium">{p.name}</h2>
              <p className="mt-1 text-sm text-slate-600">{p.description}</p>
            </Link>
          </li>
        ))}
      </ul>
    </section>
  );
}
