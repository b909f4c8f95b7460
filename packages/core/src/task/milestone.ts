// A task labelled `milestone` moving to done queues the project's milestone summary
// (summary/milestone.ts writes it in the agent worker).
import { createHash } from "node:crypto";
import { enqueue } from "../agent/job";
import type { Info } from "./info";

export const MILESTONE_LABEL = "milestone";

const isMilestone = (task: Pick<Info, "labels">) =>
  task.labels.some((label) => label.toLowerCase() === MILESTONE_LABEL);

/**
 * The summary's id for one move of the task to done: the same move always names the same summary,
 * so a job delivered twice writes it once; moving the task to done again later is a new milestone.
 */
export const milestoneSummaryId = (taskId: string, doneAt: string) =>
  `milestone-${createHash("sha256").update(`${taskId}/${doneAt}`).digest("hex").slice(0, 24)}`;

/** Queues the milestone summary when a milestone task has just moved to done. */
export async function queueMilestoneSummary(workspaceId: string, task: Info, before: Info): Promise<void> {
  if (task.status !== "done" || before.status === "done" || !isMilestone(task)) return;
  await enqueue({
    type: "summary.milestone",
    workspaceId,
    projectId: task.projectId,
    taskId: task.id,
    summaryId: milestoneSummaryId(task.id, task.updatedAt),
  });
}
