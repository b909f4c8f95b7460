// Milestone summaries: when a task labelled `milestone` is done, the project so far — what was
// delivered, what is next, the open risks — for staff, and for clients from client-visible items.
import type { Actor } from "../actor";
import { Task } from "../task";
import type { Info } from "./summary";
import { writeForAudiences } from "./write";

const PROMPTS = ["What was delivered so far?", "What is next?", "What are the open risks?"];

/** Writes the milestone summary (runs in the agent worker). */
export function writeMilestone(
  workspaceId: string,
  projectId: string,
  taskId: string,
  summaryId: string,
): Promise<Info> {
  return writeForAudiences(workspaceId, projectId, summaryId, {
    kind: "milestone",
    prompts: PROMPTS,
    title: async (reader: Actor, project) => {
      // A client's summary names the milestone only when its task is one clients may see.
      const task = await Task.get(reader, projectId, taskId).catch(() => undefined);
      return `Milestone${task ? ` “${task.title}”` : ""} reached — ${project.name}`;
    },
  });
}
