// Who belongs to a project: its assigned participants plus the workspace's admins, who see every
// project. Mentions resolve against it and a task's assignee must be in it.
import { User } from "../user";
import { AssignmentEntity } from "./entity";

export interface Member {
  id: string;
  name: string;
  email: string;
  /** The role in the workspace. */
  role: User.Info["role"];
}

/** The project's active members: one Query for the people, one for the assignments. */
export async function membersOf(workspaceId: string, projectId: string): Promise<Member[]> {
  const [people, assignments] = await Promise.all([
    User.directory(workspaceId),
    AssignmentEntity()
      .query.primary({ workspaceId, projectId })
      .go({ pages: "all", attributes: ["userId"] }),
  ]);
  const assigned = new Set(assignments.data.map((a) => a.userId));
  return people
    .filter((p) => p.status === "active" && (p.role === "admin" || assigned.has(p.id)))
    .map(({ id, name, email, role }) => ({ id, name, email, role }));
}
