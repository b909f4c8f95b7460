// Who is calling. Use cases take the actor explicitly; policies decide from it alone.
// The agent worker and the scheduler act as `system` scoped to one workspace.
export type Role = "admin" | "team" | "consultant" | "client";
export const Roles = ["admin", "team", "consultant", "client"] as const satisfies readonly Role[];

export type Actor =
  | {
      type: "user";
      userId: string;
      workspaceId: string;
      role: Role;
      tokenId?: string;
      scope?: "read" | "write";
    }
  /** `audience`: whom the system writes for (a client digest reads as a client); admin if unset. */
  | { type: "system"; workspaceId: string; audience?: Role }
  | { type: "public" };

export type UserActor = Extract<Actor, { type: "user" }>;

export const isAdmin = (actor: Actor): boolean => actor.type === "user" && actor.role === "admin";
