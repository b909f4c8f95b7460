// The assistant drafts, a person decides: staff ask for a change order drafted from messages, or
// today's update for the homeowner; the agent worker writes it once and tells only the asker, who
// edits it and saves or posts it through the usual routes. Nothing here creates or sends an item.
import type * as z from "zod";
import type { Actor } from "../actor";
import { enqueue } from "../agent/job";
import { Budget } from "../budget";
import { config } from "../config";
import { notFound, VisibleError } from "../error";
import { projectAccess, requirePermission, requireUser } from "../policy";
import { Project } from "../project";
import { epochSeconds, isAlive } from "../tables";
import { createId } from "../util";
import { DRAFT_TTL_HOURS, DraftEntity } from "./entity";
import { ChangeOrderInput, type ChangeOrderProposal, type Info, type Queued } from "./info";
import { withoutCitations } from "./proposal";

export { ChangeOrderInput, ChangeOrderProposal, Events, Info, Queued } from "./info";

/** Queues a change order drafted from these messages. Who may create change orders may ask. */
export async function draftChangeOrder(
  actor: Actor,
  projectId: string,
  input: z.input<typeof ChangeOrderInput>,
): Promise<Queued> {
  const { messageIds } = ChangeOrderInput.parse(input);
  requirePermission(await Project.requireWritable(actor, projectId), "change_order", "create");
  return queue(actor, projectId, "change_order", [...new Set(messageIds)]);
}

/** Queues today's client update. Who may post a client-visible message may ask (staff). */
export async function draftClientUpdate(actor: Actor, projectId: string): Promise<Queued> {
  const access = await Project.requireWritable(actor, projectId);
  requirePermission(access, "message", "post");
  requirePermission(access, "message", "visibility");
  return queue(actor, projectId, "client_update", []);
}

/** A draft, read by the person who asked for it only (anyone else: 404), until it expires. */
export async function get(actor: Actor, projectId: string, draftId: string): Promise<Info> {
  const user = requireUser(actor);
  await projectAccess(actor, projectId);
  const { data } = await DraftEntity().get({ workspaceId: user.workspaceId, draftId }).go();
  if (!data || data.projectId !== projectId || data.askerId !== user.userId || !isAlive(data))
    throw notFound("draft");
  return toInfo(data);
}

async function queue(actor: Actor, projectId: string, kind: Stored["kind"], messageIds: string[]) {
  if (!config().ai.enabled)
    throw new VisibleError("agent.disabled", "The assistant is switched off for now.", 503);
  const user = requireUser(actor);
  await Budget.ensureAvailable(user);
  const draftId = createId();
  const now = new Date();
  await DraftEntity()
    .create({
      workspaceId: user.workspaceId,
      draftId,
      projectId,
      askerId: user.userId,
      kind,
      status: "queued",
      messageIds,
      createdAt: now.toISOString(),
      expiresAt: epochSeconds(now) + DRAFT_TTL_HOURS * 3600,
    })
    .go();
  await enqueue({ type: "draft.write", workspaceId: user.workspaceId, draftId });
  return { draftId };
}

export type Stored = NonNullable<
  Awaited<ReturnType<ReturnType<ReturnType<typeof DraftEntity>["get"]>["go"]>>["data"]
>;

export function toInfo(item: Stored): Info {
  return {
    id: item.draftId,
    projectId: item.projectId,
    kind: item.kind,
    status: item.status,
    changeOrder: (item.proposal as ChangeOrderProposal | undefined) ?? null,
    body: withoutCitations(item.content ?? ""),
    citations: item.citations ?? [],
    error: item.error ?? null,
    createdAt: item.createdAt,
    writtenAt: item.writtenAt ?? null,
  };
}
