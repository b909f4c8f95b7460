// Whom a task concerns: its assignee must be a member of the project, and its title and
// description may @mention members. Newly assigned and newly mentioned people are notified, if
// their role on the project lets them see the task (a client never hears of an internal one).
import type { Actor } from "../actor";
import { VisibleError } from "../error";
import { Notification } from "../notification";
import { maySee } from "../permissions";
import { workspaceOf } from "../policy";
import { Project } from "../project";
import type { Info } from "./info";

/**
 * Checks the assignee (when one is given) and resolves the mentions of `text` (when given;
 * `mentions` is undefined otherwise). An internal task cannot be assigned to a client, who could
 * not see it: `internal` with the assignee it keeps (`kept`) checks that too. Loads the members
 * only when there is something to check.
 */
export async function concerned(
  workspaceId: string,
  projectId: string,
  input: { assigneeId?: string | null; text?: string; internal?: boolean; kept?: string | null },
): Promise<{ mentions?: string[] }> {
  const { assigneeId, text, internal } = input;
  const assignee = assigneeId ?? (assigneeId === null ? null : input.kept);
  const checkClient = internal && Boolean(assignee);
  if (!assigneeId && !text?.includes("@") && !checkClient)
    return { mentions: text === undefined ? undefined : [] };
  const members = await Project.membersOf(workspaceId, projectId);
  if (assigneeId && !members.some((m) => m.id === assigneeId))
    throw new VisibleError("task.assignee_not_member", "The assignee must be a member of this project.", 422);
  const assigneeRole = members.find((m) => m.id === assignee)?.projectRole;
  if (checkClient && assigneeRole && !maySee(assigneeRole, { clientVisible: false }))
    throw new VisibleError(
      "task.internal_client_assignee",
      "A task assigned to a client must be visible to clients.",
      422,
    );
  return { mentions: text === undefined ? undefined : Project.mentionsIn(text, members) };
}

/** Notifies whoever the change newly concerns and may see the task (never the person who made it). */
export async function tell(actor: Actor, task: Info, before?: Info): Promise<void> {
  const note = { projectId: task.projectId, subjectType: "task" as const, subjectId: task.id };
  const newlyAssigned = task.assigneeId && task.assigneeId !== before?.assigneeId ? [task.assigneeId] : [];
  const mentioned = task.mentions.filter((id) => !before?.mentions.includes(id));
  if (newlyAssigned.length + mentioned.length === 0) return;
  const readers = await Project.readersOf(workspaceOf(actor), task.projectId, task);
  await Notification.notify(actor, newlyAssigned.filter(readers), {
    ...note,
    kind: "assigned",
    text: `You were assigned "${task.title}"`,
  });
  await Notification.notify(actor, mentioned.filter(readers), {
    ...note,
    kind: "mentioned",
    text: `You were mentioned in "${task.title}"`,
  });
}
