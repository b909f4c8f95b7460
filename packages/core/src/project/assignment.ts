// The project_user pivot, managed by admins: who is assigned to a project and in which role (at
// most their workspace role: an assignment never lifts a client to team).
// Adding someone tells them (an `invited` notification); removing them ends their live
// subscriptions to the project; every change is logged and audited.
import * as z from "zod";
import { Activity } from "../activity";
import type { Actor } from "../actor";
import { Roles } from "../actor";
import { Audit } from "../audit";
import { notFound, VisibleError } from "../error";
import { Notification } from "../notification";
import { assignable } from "../permissions";
import { requireAdmin, requireProject, requireWrite, workspaceOf } from "../policy";
import { Realtime } from "../realtime";
import { User } from "../user";
import { nowIso } from "../util";
import { AssignmentEntity } from "./entity";

export const AssignInput = z
  .object({ role: z.enum(Roles) })
  .strict()
  .meta({ id: "AssignInput" });

export const Assignment = z
  .object({
    projectId: z.string(),
    userId: z.string(),
    name: z.string(),
    role: z.enum(Roles),
    createdAt: z.string(),
    /** An admin of the workspace, on every project by that role rather than by an assignment. */
    workspaceAdmin: z.boolean().optional(),
  })
  .meta({ id: "Assignment" });
export type Assignment = z.infer<typeof Assignment>;

/**
 * The project's assignments with each person's name (any member may see who is on it), and the
 * workspace's active admins, who are on every project: tasks are assigned to them too, and
 * everyone must be able to name them.
 */
export async function assignments(actor: Actor, projectId: string): Promise<{ items: Assignment[] }> {
  await requireProject(actor, projectId);
  const workspaceId = workspaceOf(actor);
  const [{ data }, people] = await Promise.all([
    AssignmentEntity().query.primary({ workspaceId, projectId }).go({ pages: "all" }),
    User.directory(workspaceId),
  ]);
  const names = new Map(people.map((p) => [p.id, p.name]));
  const assigned = new Set(data.map((a) => a.userId));
  const admins = people
    .filter((p) => p.role === "admin" && p.status === "active" && !assigned.has(p.id))
    .map((p) => ({
      projectId,
      userId: p.id,
      name: p.name,
      role: "admin" as const,
      createdAt: p.createdAt,
      workspaceAdmin: true,
    }));
  return {
    items: [...data.map((a) => ({ ...a, name: names.get(a.userId) ?? "" })), ...admins],
  };
}

/** Assigns a person of the workspace to the project (or changes their role on it). */
export async function assign(
  actor: Actor,
  projectId: string,
  userId: string,
  input: z.input<typeof AssignInput>,
): Promise<Assignment> {
  const admin = requireAdmin(actor);
  requireWrite(actor);
  const { role } = AssignInput.parse(input);
  const [project, person] = await Promise.all([
    requireProject(actor, projectId),
    User.get(admin.workspaceId, userId),
  ]);
  if (person.status === "deactivated") throw notFound("user");
  if (!assignable(person.role, role))
    throw new VisibleError(
      "assignment.role_above_workspace_role",
      `${person.name} is a ${person.role} of the workspace, so they can be on a project as ${person.role} or less, not ${role}.`,
      422,
      { workspaceRole: person.role },
    );
  // Only the role is written: a role change keeps when they were added (and all else stored),
  // and the item as it was, returned by the same write, tells a change from a new assignment.
  const key = { workspaceId: admin.workspaceId, projectId, userId };
  const createdAt = nowIso();
  const { data: before } = await AssignmentEntity()
    .upsert({ ...key, role })
    .ifNotExists({ createdAt })
    .go({ response: "all_old" });
  // Open sockets listen in the old role: close them, and they resubscribe in the new one.
  if (before && before.role !== role) await Realtime.closeUserConnections(admin.workspaceId, userId);
  const summary = `${person.name} ${before ? "is now" : "joined as"} ${role} on ${project.name}`;
  await log(actor, projectId, "assignment.added", summary, { userId, role });
  if (!before)
    await Notification.notify(actor, [userId], {
      kind: "invited",
      projectId,
      subjectType: "project",
      subjectId: projectId,
      text: `You were added to ${project.name}`,
    });
  return { ...key, role, createdAt: before?.createdAt ?? createdAt, name: person.name };
}

export async function unassign(actor: Actor, projectId: string, userId: string): Promise<void> {
  const admin = requireAdmin(actor);
  requireWrite(actor);
  const key = { workspaceId: admin.workspaceId, projectId, userId };
  const [project, { data }, people] = await Promise.all([
    requireProject(actor, projectId),
    AssignmentEntity().get(key).go(),
    User.directory(admin.workspaceId),
  ]);
  if (!data) throw notFound("assignment");
  await AssignmentEntity().delete(key).go();
  // Open sockets keep their subscriptions to the project's channels: close them, and the
  // client's resubscription is refused there while its other channels come back.
  await Realtime.closeUserConnections(admin.workspaceId, userId);
  const summary = `${people.find((p) => p.id === userId)?.name ?? "Someone"} left ${project.name}`;
  await log(actor, projectId, "assignment.removed", summary, { userId });
}

/** A change of the pivot goes to the project's activity and the workspace's audit log alike. */
async function log(
  actor: Actor,
  projectId: string,
  action: string,
  summary: string,
  details: { userId: string; role?: string },
) {
  await Activity.record(actor, projectId, {
    action,
    subjectType: "assignment",
    subjectId: details.userId,
    summary,
  });
  await Audit.record(actor, { action, targetType: "project", targetId: projectId, summary, details });
}
