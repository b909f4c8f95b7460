// What admins change about people: name, role, active or deactivated. Access changes apply at
// once: deactivation revokes every token and closes every socket; a role change closes the
// sockets, which remember the role they were opened with. Every change is audited.
import { Service } from "electrodb";
import * as z from "zod";
import type { Actor, UserActor } from "../actor";
import { Audit } from "../audit";
import * as Link from "../auth/link";
import { endAll } from "../auth/sessions";
import { conflict, VisibleError } from "../error";
import { requireAdmin, requireWrite } from "../policy";
import { Realtime } from "../realtime";
import { nowIso } from "../util";
import { UserEntity } from "./entity";
import { get, type Info, public_, Role, type Stored, toInfo } from "./people";

export const UpdateInput = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    role: Role.optional(),
    status: z.enum(["active", "deactivated"]).optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Give at least one field to change.")
  .meta({ id: "UpdateUserInput" });

/** One person of the admin's workspace; anyone else's id is not found. */
export async function show(actor: Actor, userId: string): Promise<Info> {
  const admin = requireAdmin(actor);
  return public_(await get(admin.workspaceId, userId));
}

export async function update(
  actor: Actor,
  userId: string,
  input: z.input<typeof UpdateInput>,
): Promise<Info> {
  const admin = requireAdmin(actor);
  requireWrite(actor);
  const patch = UpdateInput.parse(input);
  const before = await get(admin.workspaceId, userId);
  if (userId === admin.userId && takesAccessAway(patch))
    throw new VisibleError("user.self_lockout", "You cannot remove your own admin access.", 422);
  // Only accepting an invitation sets a password: made active without one, a person invited (or
  // deactivated before accepting, which withdrew the link) could never sign in.
  if (patch.status === "active" && !before.passwordHash)
    throw new VisibleError(
      "user.not_accepted",
      `${before.email} never accepted their invitation, so they cannot be made active. Invite them again: they become active when they accept.`,
      422,
    );
  const after = public_(await write(admin, before, patch));

  if (after.status === "deactivated" && before.status !== "deactivated") {
    await endAll(admin.workspaceId, userId);
    await Link.revokePending(admin.workspaceId, userId, "invite");
  } else if (after.role !== before.role) {
    await Realtime.closeUserConnections(admin.workspaceId, userId);
  }
  for (const change of changes(before, after)) {
    await Audit.record(actor, { ...change, targetType: "user", targetId: userId });
  }
  return after;
}

/** Tries of a removal of admin access whose transaction met another one on the same people. */
const REMOVAL_ATTEMPTS = 3;

/**
 * Writes an admin's change of a person. One that takes away an admin's access is written only
 * while the acting admin is still an active admin (one transaction with a check of them): two
 * admins removing each other at once cannot both succeed, and as nobody can remove their own
 * access, the workspace keeps an active admin.
 */
async function write(admin: UserActor, before: Stored, patch: z.infer<typeof UpdateInput>): Promise<Stored> {
  const key = { workspaceId: admin.workspaceId, userId: before.id };
  const change = { ...patch, updatedAt: nowIso() };
  if (!(before.role === "admin" && takesAccessAway(patch))) {
    const { data } = await UserEntity().patch(key).set(change).go({ response: "all_new" });
    return toInfo(data as Parameters<typeof toInfo>[0]);
  }
  for (let attempt = 0; attempt < REMOVAL_ATTEMPTS; attempt++) {
    const { canceled, data } = await new Service({ user: UserEntity() }).transaction
      .write(({ user }) => [
        user
          .check({ workspaceId: admin.workspaceId, userId: admin.userId })
          .where((a, op) => `${op.eq(a.role, "admin")} AND ${op.eq(a.status, "active")}`)
          .commit(),
        user.patch(key).set(change).commit(),
      ])
      .go();
    if (!canceled) return get(admin.workspaceId, before.id);
    // Refused by the check of the actor; otherwise canceled by another transaction on these
    // people in flight at that moment, which is over when tried again.
    if (data[0]?.code === "ConditionalCheckFailed")
      throw conflict(
        "user.no_longer_admin",
        "Your own admin access was removed meanwhile, so you can no longer remove someone else's.",
      );
  }
  throw conflict("user.changed", "Someone else changed these people at the same time. Try again.");
}

/** Whether a change would take an admin's access away: another role, or deactivated. */
const takesAccessAway = (patch: z.infer<typeof UpdateInput>): boolean =>
  (patch.role !== undefined && patch.role !== "admin") || patch.status === "deactivated";

function changes(before: Info, after: Info) {
  const list: { action: string; summary: string; details: Record<string, unknown> }[] = [];
  if (after.role !== before.role)
    list.push({
      action: "user.role_changed",
      summary: `${after.email}: ${before.role} → ${after.role}`,
      details: { from: before.role, to: after.role },
    });
  if (after.status !== before.status)
    list.push({
      action: after.status === "deactivated" ? "user.deactivated" : "user.reactivated",
      summary: `${after.email} is ${after.status}`,
      details: { from: before.status, to: after.status },
    });
  if (after.name !== before.name)
    list.push({
      action: "user.renamed",
      summary: `${before.name} → ${after.name}`,
      details: { from: before.name, to: after.name },
    });
  return list;
}
