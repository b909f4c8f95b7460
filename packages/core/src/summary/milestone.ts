// Milestone summaries: when a task labelled `milestone` is done, the project so far — what was
// delivered, what is next, the open risks — for staff, and for clients from client-visible items
// when the milestone itself is one clients may see.
import { VisibleError } from "../error";
import { maySee } from "../permissions";
import { Task } from "../task";
import type { Info } from "./summary";
import { writeForAudiences } from "./write";

const PROMPTS = ["What was delivered so far?", "What is next?", "What are the open risks?"];

/**
 * Writes the milestone summary (runs in the agent worker). Clients get theirs only when the table
 * lets them see the milestone's task: of an internal milestone, even that it was reached is staff's.
 */
export async function writeMilestone(
  workspaceId: string,
  projectId: string,
  taskId: string,
  summaryId: string,
): Promise<Info> {
  const task = await milestoneTask(workspaceId, projectId, taskId);
  return writeForAudiences(workspaceId, projectId, summaryId, {
    kind: "milestone",
    prompts: PROMPTS,
    ...(task && maySee("client", task) ? {} : { audiences: ["staff"] }),
    title: async (_, project) => `Milestone${task ? ` “${task.title}”` : ""} reached — ${project.name}`,
  });
}

/** The milestone's task as staff read it now; undefined once it was deleted (a summary without its name). */
async function milestoneTask(workspaceId: string, projectId: string, taskId: string) {
  try {
    return await Task.get({ type: "system", workspaceId }, projectId, taskId);
  } catch (error) {
    if (error instanceof VisibleError && error.status === 404) return undefined;
    throw error;
  }
}
