// Writes a queued draft in the agent worker. It calls the models (summary/compose.ts), so only
// the agent worker imports it; the API queues and reads drafts through draft.ts.
import type { Actor } from "../actor";
import type { AgentContext } from "../agent/context";
import { build } from "../agent/context";
import { citationsOf } from "../agent/finish";
import { Budget } from "../budget";
import { config } from "../config";
import { Channel, publish } from "../realtime";
import { compose, ProviderRefused } from "../summary/compose";
import { UserEntity } from "../user/entity";
import { nowIso } from "../util";
import { type Stored, toInfo } from "./draft";
import { DraftEntity } from "./entity";
import { Events } from "./info";
import { CHANGE_ORDER_PROMPT, CLIENT_UPDATE_PROMPT, chosenOnly, todayOnly } from "./prompts";
import { proposalOf } from "./proposal";

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
    const proposal = draft.kind === "change_order" ? proposalOf(content, config().currency) : null;
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
    .go({ attributes: ["userId", "role", "status"] });
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
