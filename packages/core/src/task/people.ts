// Whom a task concerns: its assignee must be a member of the project, and its title and
// description may @mention members. Newly assigned and newly mentioned people are notified.
import type { Actor } from "../actor";
import { VisibleError } from "../error";
import { Notification } from "../notification";
import { Project } from "../project";
import type { Info } from "./info";

/**
 * Checks the assignee (when one is given) and resolves the mentions of `text` (when given;
 * `mentions` is undefined otherwise). Loads the members only when there is something to check.
 */
export async function concerned(
  workspaceId: string,
  projectId: string,
  input: { assigneeId?: string | null; text?: string },
): Promise<{ mentions?: string[] }> {
  const { assigneeId, text } = input;
  if (!assigneeId && !text?.includes("@")) return { mentions: text === undefined ? undefined : [] };
  const members = await Project.membersOf(workspaceId, projectId);
  if (assigneeId && !members.some((m) => m.id === assigneeId))
    throw new VisibleError("task.assignee_not_member", "The assignee must be a member of this project.", 422);
  return { mentions: text === undefined ? undefined : Project.mentionsIn(text, members) };
}

/** Notifies whoever the change newly concerns (never the person who made it). */
export async function tell(actor: Actor, task: Info, before?: Info): Promise<void> {
  const note = { projectId: task.projectId, subjectType: "task" as const, subjectId: task.id };
  if (task.assigneeId && task.assigneeId !== before?.assigneeId)
    await Notification.notify(actor, [task.assigneeId], {
      ...note,
      kind: "assigned",
      text: `You were assigned "${task.title}"`,
    });
  const mentioned = task.mentions.filter((id) => !before?.mentions.includes(id));
  await Notification.notify(actor, mentioned, {
    ...note,
    kind: "mentioned",
    text: `You were mentioned in "${task.title}"`,
  });
}
