// One project: its name and a tab per section. A project that is not shared with the person
// shows not-found, by link or by typed URL alike.
import { ApiError } from "@rehome/client";
import { Outlet, useParams } from "react-router";
import { OnlineNow } from "../components/OnlineNow";
import { Failed, Loading, NotFound } from "../components/States";
import { Tabs } from "../components/Tabs";
import { useProject } from "../hooks/useProject";

const TABS = [
  { to: "board", name: "Board" },
  { to: "messages", name: "Messages" },
  { to: "files", name: "Files" },
  { to: "changes", name: "Changes" },
  { to: "schedule", name: "Schedule" },
  { to: "site-log", name: "Site log" },
  { to: "activity", name: "Activity" },
  { to: "agent", name: "Agent" },
];

export function ProjectPage() {
  const { projectId = "" } = useParams();
  const project = useProject(projectId);
  if (project.isPending) return <Loading what="the project" />;
  if (project.isError)
    return project.error instanceof ApiError && project.error.status === 404 ? (
      <NotFound what="project" />
    ) : (
      <Failed error={project.error} retry={() => project.refetch()} />
    );
  return (
    <section>
      <div className="mb-4 flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-xl font-semibold [overflow-wrap:anywhere]">{project.data.name}</h1>
          <p className="text-sm text-slate-600 [overflow-wrap:anywhere]">{project.data.description}</p>
        </div>
        <OnlineNow projectId={projectId} />
      </div>
      <Tabs label="Project sections" tabs={TABS} />
      <Outlet />
    </section>
  );
}
