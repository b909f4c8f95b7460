// Who belongs to a project: its assigned participants plus the workspace's admins, who see every
// project. Mentions resolve against it, a task's assignee must be in it, and each member's role on
// the project decides which items they may be told about.
import type { Role } from "../actor";
import { effectiveRole, maySee, type Subject } from "../permissions";
import { User } from "../user";
import { AssignmentEntity } from "./entity";

export interface Member {
  id: string;
  name: string;
  email: string;
  /** The role in the workspace. */
  role: Role;
  /** The role they act in on this project (the assignment's, capped by the workspace role). */
  projectRole: Role;
}

/** The project's active members: one Query for the people, one for the assignments. */
export async function membersOf(workspaceId: string, projectId: string): Promise<Member[]> {
  const [people, assignments] = await Promise.all([
    User.directory(workspaceId),
    AssignmentEntity()
      .query.primary({ workspaceId, projectId })
      .go({ pages: "all", attributes: ["userId", "role"] }),
  ]);
  const assigned = new Map(assignments.data.map((a) => [a.userId, a.role]));
  return people
    .filter((p) => p.status === "active" && (p.role === "admin" || assigned.has(p.id)))
    .map(({ id, name, email, role }) => ({
      id,
      name,
      email,
      role,
      projectRole: effectiveRole(role, assigned.get(id)),
    }));
}

/** Who of the project's members may see `item`: the people a notice or email about it may reach. */
export async function readersOf(
  workspaceId: string,
  projectId: string,
  item: Subject,
): Promise<(userId: string) => boolean> {
  return readersAmong(await membersOf(workspaceId, projectId), item);
}

/** The same, among members already read (no second Query when the caller has them). */
export function readersAmong(members: Member[], item: Subject): (userId: string) => boolean {
  const readers = new Set(members.filter((m) => maySee(m.projectRole, item)).map((m) => m.id));
  return (userId) => readers.has(userId);
}
