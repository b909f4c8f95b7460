// One project: its board and its agent, as tabs. A project that is not shared shows not-found.
import { useQuery } from "@tanstack/react-query";
import { useState } from "react";
import { useParams } from "react-router";
import { Failed, Loading } from "../components/States";
import { api } from "../session";
import { AgentChat } from "./AgentChat";
import { Board } from "./Board";

const TABS = ["Board", "Agent"] as const;

export function ProjectPage() {
  const { projectId = "" } = useParams();
  const [tab, setTab] = useState<(typeof TABS)[number]>("Board");
  const project = useQuery({ queryKey: ["project", projectId], queryFn: () => api.projects.get(projectId) });
  if (project.isPending) return <Loading what="the project" />;
  if (project.isError) return <Failed error={project.error} />;
  return (
    <section>
      <h1 className="text-xl font-semibold">{project.data.name}</h1>
      <p className="mb-4 text-sm text-slate-600">{project.data.description}</p>
      <div role="tablist" aria-label="Project sections" className="mb-4 flex gap-2 border-b border-slate-200">
        {TABS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            aria-selected={tab === name}
            onClick={() => setTab(name)}
            className={`-mb-px border-b-2 px-3 py-2 text-sm ${tab === name ? "border-emerald-700 font-medium text-emerald-800" : "border-transparent text-slate-600"}`}
          >
            {name}
          </button>
        ))}
      </div>
      {tab === "Board" ? <Board projectId={projectId} /> : <AgentChat projectId={projectId} />}
    </section>
  );
}
