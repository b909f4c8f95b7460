// The admin agent: workspace-wide threads over every project; its citations open the cited
// task or message in its own project.
import { AgentPanel } from "../agent/AgentPanel";
import { promptsFor } from "../agent/prompts";
import { api } from "../session";
import { WeeklyDigest } from "./WeeklyDigest";

const THREADS_KEY = ["agent-threads", "workspace"];

export function AdminAgent() {
  return (
    <AgentPanel
      listThreads={(archived) => api.agent.workspaceThreads({ archived })}
      threadsKey={THREADS_KEY}
      createThread={() => api.agent.createWorkspaceThread()}
      basePath="/admin/agent"
      prompts={promptsFor("admin")}
      intro="Ask the workspace assistant about every project: overdue work, blocked tasks, last week."
      digest={<WeeklyDigest />}
    />
  );
}
