import * as z from "zod";
import type { Actor } from "../actor";
import { type Page, PageInput, paged } from "../db";
import { requireAdmin, workspaceOf } from "../policy";
import { createId, nowIso } from "../util";
import { AuditEntity } from "./entity";

export const Info = z
  .object({
    id: z.string(),
    actorId: z.string(),
    action: z.string(),
    targetType: z.string(),
    targetId: z.string(),
    summary: z.string(),
    details: z.record(z.string(), z.unknown()),
    createdAt: z.string(),
  })
  .meta({ id: "AuditEntry" });
export type Info = z.infer<typeof Info>;

export interface Entry {
  /** `entity.past_tense`, like events: `user.deactivated`, `invite.created`, `agent.asked`. */
  action: string;
  targetType: string;
  targetId: string;
  summary: string;
  details?: Record<string, unknown>;
}

/** Appends one entry; called by the use case after its write succeeded. */
export async function record(actor: Actor, entry: Entry): Promise<void> {
  await AuditEntity()
    .create({
      ...entry,
      workspaceId: workspaceOf(actor),
      auditId: createId(),
      actorId: actor.type === "user" ? actor.userId : "system",
      createdAt: nowIso(),
    })
    .go();
}

/** The workspace's audit log, newest first; one Query per page. */
export async function list(actor: Actor, input: z.input<typeof PageInput> = {}): Promise<Page<Info>> {
  const admin = requireAdmin(actor);
  const { cursor, limit } = PageInput.parse(input);
  const page = await paged(cursor, (c) =>
    AuditEntity().query.primary({ workspaceId: admin.workspaceId }).go({ cursor: c, limit, order: "desc" }),
  );
  return {
    ...page,
    items: page.items.map((item) => ({
      id: item.auditId,
      actorId: item.actorId,
      action: item.action,
      targetType: item.targetType,
      targetId: item.targetId,
      summary: item.summary,
      details: (item.details ?? {}) as Record<string, unknown>,
      createdAt: item.createdAt,
    })),
  };
}
