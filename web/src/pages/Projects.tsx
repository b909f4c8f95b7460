// The projects this person may see: the whole workspace for admins, their assignments for
// everyone else, each card saying where things stand. Admins can start a new project here.
import { useQuery } from "@tanstack/react-query";
import { Empty, Failed, Loading } from "../components/States";
import { localToday } from "../components/When";
import { useNotifications } from "../notifications/useNotifications";
import { api, useSession } from "../session";
import { NewProject } from "./NewProject";
import { ProjectCard } from "./ProjectCard";

export function Projects() {
  const user = useSession();
  const notes = useNotifications(user?.id ?? "").items;
  const projects = useQuery({ queryKey: ["projects"], queryFn: () => api.projects.list({ limit: 100 }) });
  const today = localToday();
  // Fetched on every visit: the cards follow work done on the boards since, and photo links expire.
  const standing = useQuery({
    queryKey: ["project-standing", today],
    queryFn: () => api.projects.standing(today),
    staleTime: 0,
  });
  const standingOf = new Map(standing.data?.items.map((s) => [s.projectId, s]));
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
            <ProjectCard
              project={p}
              standing={standingOf.get(p.id)}
              unread={
                notes.filter((n) => n.projectId === p.id && n.subjectType === "message" && !n.readAt).length
              }
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
