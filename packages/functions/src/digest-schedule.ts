// EventBridge schedule -> one SQS job per project (daily digest) or per workspace (weekly
// rollup). Fanning out keeps each job small and retried on its own.

import { Agent } from "@rehome/core/agent";
import { loadSecrets } from "@rehome/core/config/secrets";
import { withMetrics } from "@rehome/core/metrics";
import { Project } from "@rehome/core/project";
import { createId } from "@rehome/core/util";
import { Workspace } from "@rehome/core/workspace";
import * as z from "zod";

const ScheduledEvent = z.object({ detail: z.object({ kind: z.enum(["daily", "weekly"]) }) });

export const handler = withMetrics(async (event: unknown) => {
  await loadSecrets();
  const { kind } = ScheduledEvent.parse(event).detail;
  let queued = 0;
  for (const workspaceId of await Workspace.allIds()) {
    if (kind === "weekly") {
      await Agent.enqueue({ type: "digest.workspace", workspaceId, summaryId: createId() });
      queued++;
      continue;
    }
    for (const projectId of await Project.activeIds(workspaceId)) {
      await Agent.enqueue({ type: "digest.project", workspaceId, projectId, summaryId: createId() });
      queued++;
    }
  }
  return { kind, queued };
});
