// A project's Agent tab: the participant agent over this project's data, with the daily
// digest beside the conversation.
import type { ProjectEvents } from "@rehome/client";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useParams } from "react-router";
import { useChannel } from "../hooks/useChannel";
import { usePermissions } from "../hooks/useProject";
import { api, useSession } from "../session";
import { AgentPanel } from "./AgentPanel";
import { DigestPanel } from "./DigestPanel";
import { MeetingNotes } from "./MeetingNotes";
import { promptsFor } from "./prompts";

export function ProjectAgent() {
  const { projectId = "" } = useParams();
  const user = useSession();
  // Meeting notes propose tasks: offered to whoever the table lets create one on this project.
  const permissions = usePermissions(projectId);
  const queries = useQueryClient();
  const threadsKey = ["agent-threads", projectId];
  const summaries = useQuery({
    queryKey: ["summaries", projectId],
    queryFn: () => api.summaries.project(projectId),
  });
  useChannel<ProjectEvents>(
    `projects.${projectId}`,
    {
      "agent.summary.ready": () => queries.invalidateQueries({ queryKey: ["summaries", projectId] }),
    },
    { keys: [["summaries", projectId]] },
  );
  return (
    <AgentPanel
      listThreads={(archived) => api.agent.threads(projectId, { archived })}
      threadsKey={threadsKey}
      createThread={() => api.agent.createThread(projectId)}
      basePath={`/projects/${projectId}/agent`}
      prompts={promptsFor(user?.role)}
      intro="Ask the project assistant about tasks, deadlines and what changed."
      digest={
        <>
          {permissions.can("task", "create") && <MeetingNotes projectId={projectId} />}
          <DigestPanel
            title="Daily digest"
            summaries={summaries}
            empty="No digest yet: one is written every morning."
          />
        </>
      }
    />
  );
}
