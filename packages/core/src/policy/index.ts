// The one authorization module: HTTP handlers, channel subscriptions and the agent's context
// builder all ask it. Admins see their workspace; participants only their assigned projects, in
// the role of their assignment; what each role may do to an item is the permission table's
// (permissions/). Anything outside the actor's reach is reported as 404 so its existence cannot
// be inferred; a refusal of something the actor can see is 403 `permission.denied`.
import type { Actor, Role, UserActor } from "../actor";
import { forbidden, notFound, unauthorized, VisibleError } from "../error";
import { type Action, effectiveRole, type Kind, may, maySee, type Subject } from "../permissions";
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

type ProjectItem = NonNullable<
  Awaited<ReturnType<ReturnType<ReturnType<typeof ProjectEntity>["get"]>["go"]>>["data"]
>;

/** A project the actor may see, and the role they act in on it. */
export interface ProjectAccess {
  project: ProjectItem;
  /** The assignment's role capped by the workspace role; admins (and the system) are admins. */
  role: Role;
  /** The acting person, or "system". */
  userId: string;
}

/** Resolves a project the actor may see and their effective role on it, or throws 404. */
export async function projectAccess(actor: Actor, projectId: string): Promise<ProjectAccess> {
  const workspaceId = workspaceOf(actor);
  const participant = actor.type === "user" && actor.role !== "admin";
  const [{ data: project }, assignment] = await Promise.all([
    ProjectEntity().get({ workspaceId, projectId }).go(),
    participant ? assignmentOf(workspaceId, projectId, actor.userId) : undefined,
  ]);
  if (!project || (participant && !assignment)) throw notFound("project");
  if (actor.type === "system") return { project, role: actor.audience ?? "admin", userId: "system" };
  const user = actor as UserActor;
  return { project, role: effectiveRole(user.role, assignment?.role), userId: user.userId };
}

/** Resolves a project the actor may see, or throws 404. */
export async function requireProject(actor: Actor, projectId: string) {
  return (await projectAccess(actor, projectId)).project;
}

/**
 * Checks one row of the permission table for an item (or a new one): an item the actor may not
 * see is a 404 (`what`), a visible one they may not change a 403.
 */
export function requirePermission<K extends Kind>(
  access: ProjectAccess,
  kind: K,
  action: Action<K>,
  item?: Subject,
): void {
  if (item && !maySee(access.role, item)) throw notFound(kind);
  if (!may(access.role, access.userId, kind, action, item))
    throw new VisibleError("permission.denied", deniedMessage(kind, action), 403);
}

const deniedMessage = (kind: Kind, action: string) =>
  `Your role on this project does not allow that (${kind}: ${action}).`;

async function assignmentOf(workspaceId: string, projectId: string, userId: string) {
  const { data } = await AssignmentEntity().get({ workspaceId, projectId, userId }).go();
  return data ?? undefined;
}
