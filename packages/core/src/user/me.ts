// What signed-in people change about themselves: their display name and whether digests reach
// them by email. Role and status stay with admins (admin.ts).
import * as z from "zod";
import type { Actor } from "../actor";
import { requireUser, requireWrite } from "../policy";
import { nowIso } from "../util";
import { UserEntity } from "./entity";
import { get, type Me, toInfo, toMe } from "./people";

export const UpdateMeInput = z
  .object({
    name: z.string().trim().min(1).max(120).optional(),
    digestEmails: z.boolean().optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, "Give at least one field to change.")
  .meta({ id: "UpdateMeInput" });

/** The caller's own user with their preferences. */
export async function me(actor: Actor): Promise<Me> {
  const user = requireUser(actor);
  return toMe(await get(user.workspaceId, user.userId));
}

export async function updateMe(actor: Actor, input: z.input<typeof UpdateMeInput>): Promise<Me> {
  const user = requireUser(actor);
  requireWrite(actor);
  const patch = UpdateMeInput.parse(input);
  const { data } = await UserEntity()
    .patch({ workspaceId: user.workspaceId, userId: user.userId })
    .set({ ...patch, updatedAt: nowIso() })
    .go({ response: "all_new" });
  return toMe(toInfo(data as Parameters<typeof toInfo>[0]));
}
