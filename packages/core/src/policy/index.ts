// The one authorization module: HTTP handlers, channel subscriptions and the agent's context
// builder all ask it. Admins see their workspace; participants only their assigned projects.
// Anything outside the actor's reach is reported as 404 so its existence cannot be inferred.
import type { Actor, UserActor } from "../actor";
import { forbidden, notFound, unauthorized } from "../error";
import { AssignmentEntity, ProjectEntity } from "../project/entity";

export function requireUser(actor: Actor): UserActor {
  if (actor.type !== "user") throw unauthorized();
  return actor;
}

export function requireAdmin(actor: Actor): UserActor {
  const user = requireUser(actor);
  if (user.role !== "admin") throw forbidden("Only workspace admins can do that.");
  return user;
}

/** API tokens may be read-only; sessions always write. */
export function requireWrite(actor: Actor): void {
  if (actor.type === "user" && actor.scope === "read") throw forbidden("This API token is read-only.");
}

export const workspaceOf = (actor: Actor): string => {
  if (actor.type === "public") throw unauthorized();
  return actor.workspaceId;
};

/** Resolves a project the actor may see, or throws 404. */
export async function requireProject(actor: Actor, projectId: string) {
  const workspaceId = workspaceOf(actor);
  const [{ data: project }, assigned] = await Promise.all([
    ProjectEntity().get({ workspaceId, projectId }).go(),
    actor.type === "user" && actor.role !== "admin" ? isAssigned(workspaceId, projectId, actor.userId) : true,
  ]);
  if (!project || !assigned) throw notFound("project");
  return project;
}

export async function canSeeProject(actor: Actor, projectId: string): Promise<boolean> {
  return requireProject(actor, projectId).then(
    () => true,
    () => false,
  );
}

async function isAssigned(workspaceId: string, projectId: string, userId: string): Promise<boolean> {
  const { data } = await AssignmentEntity().get({ workspaceId, projectId, userId }).go();
  return Boolean(data);
}

/** Whether the actor may see PII (emails, phone numbers) of other people in agent answers. */
export const maySeeContactDetails = (actor: Actor): boolean =>
  actor.type === "system" || (actor.type === "user" && (actor.role === "admin" || actor.role === "team"));
