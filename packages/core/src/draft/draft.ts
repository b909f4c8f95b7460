// The assistant drafts, a person decides: staff ask for a change order drafted from messages, or
// today's update for the homeowner; the agent worker writes it once and tells only the asker, who
// edits it and saves or posts it through the usual routes. Nothing here creates or sends an item.
import type { z } from "zod";
import type { Actor } from "../actor";
import type { AgentContext } from "../agent/context";
import { build } from "../agent/context";
import { citationsOf } from "../agent/finish";
import { enqueue } from "../agent/job";
import { Budget } from "../budget";
import { config } from "../config";
import { notFound, VisibleError } from "../error";
import { projectAccess, requirePermission, requireUser } from "../policy";
import { Project } from "../project";
import { Channel, publish } from "../realtime";
import { compose, ProviderRefused } from "../summary/compose";
import { epochSeconds, isAlive } from "../tables";
import { UserEntity } from "../user/entity";
import { createId, nowIso } from "../util";
import { DRAFT_TTL_HOURS, DraftEntity } from "./entity";
import { ChangeOrderInput, type ChangeOrderProposal, Events, type Info, type Queued } from "./info";
import { CHANGE_ORDER_PROMPT, CLIENT_UPDATE_PROMPT, chosenOnly, todayOnly } from "./prompts";
import { proposalOf, withoutCitations } from "./proposal";

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

/** Why a draft could not be written; the asker may simply ask again later. */
class NotWritten extends Error {}

/**
 * Writes a queued draft (agent worker) and tells its asker on their own channel. A redelivered
 * job finds it written and does nothing; of two racing, one write wins and one event goes out.
 * An open breaker or a spent budget fails the draft (the asker asks again), never the job.
 */
export async function writeDraft(workspaceId: string, draftId: string): Promise<void> {
  const key = { workspaceId, draftId };
  const { data: draft } = await DraftEntity().get(key).go();
  if (draft?.status !== "queued") return;
  let written: Partial<Stored>;
  try {
    if (await Budget.isWorkspaceSpent(workspaceId))
      throw new NotWritten("The workspace's AI budget is spent for now, so the assistant drafted nothing.");
    const context = await contextOf(draft);
    const prompt = draft.kind === "change_order" ? CHANGE_ORDER_PROMPT : CLIENT_UPDATE_PROMPT;
    const content = await compose(workspaceId, draftId, [prompt], context);
    const proposal = draft.kind === "change_order" ? proposalOf(content) : null;
    written = { status: "written", content, proposal, citations: citationsOf(content, context).citations };
  } catch (error) {
    if (error instanceof ProviderRefused)
      written = {
        status: "failed",
        error: "The assistant is unavailable right now; try again in a few minutes.",
      };
    else if (error instanceof NotWritten) written = { status: "failed", error: error.message };
    else throw error;
  }
  const stored = await DraftEntity()
    .patch(key)
    .set({ ...written, writtenAt: nowIso() })
    .where(({ status }, { eq }) => eq(status, "queued"))
    .go({ response: "all_new" })
    .then(
      ({ data }) => data as Stored,
      () => undefined,
    );
  if (stored) await publish(Channel.user(draft.askerId), Events.Ready, toInfo(stored));
}

/**
 * What the draft may read. A change order: the asker's own context (their access, at write time)
 * cut to the chosen messages. A client update: the project read as a client would read it, so no
 * internal item can reach the homeowner's text, cut to today.
 */
async function contextOf(draft: Stored): Promise<AgentContext> {
  if (draft.kind === "client_update") {
    const client: Actor = { type: "system", workspaceId: draft.workspaceId, audience: "client" };
    return todayOnly(await build(client, draft.projectId, { maskContacts: true }));
  }
  const { data: asker } = await UserEntity()
    .get({ workspaceId: draft.workspaceId, userId: draft.askerId })
    .go();
  if (asker?.status !== "active")
    throw new NotWritten("The person who asked for this draft is no longer active.");
  const reader: Actor = {
    type: "user",
    userId: asker.userId,
    workspaceId: draft.workspaceId,
    role: asker.role,
  };
  return chosenOnly(await build(reader, draft.projectId), draft.messageIds ?? []);
}

type Stored = NonNullable<
  Awaited<ReturnType<ReturnType<ReturnType<typeof DraftEntity>["get"]>["go"]>>["data"]
>;

function toInfo(item: Stored): Info {
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
