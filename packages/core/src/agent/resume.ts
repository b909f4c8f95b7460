// A socket's `resume {channel, messageId, afterSeq}`: the stored checkpoint of one answer, for a
// client that missed deltas (reconnect, second tab, a gap) to continue from. The thread's own
// access rule decides, as for subscribing; an answer of another thread or workspace is not found.
import type { Actor } from "../actor";
import type { EventPayload } from "../event";
import { workspaceOf } from "../policy";
import { canSeeThread } from "./access";
import { AgentMessageEntity } from "./entity";
import type { Events } from "./events";

export type Checkpoint = EventPayload<typeof Events.Checkpoint>;

/** The answer's checkpoint, or undefined when the actor may not read it or it does not exist. */
export async function checkpointOf(
  actor: Actor,
  threadId: string,
  messageId: string,
): Promise<Checkpoint | undefined> {
  if (!(await canSeeThread(actor, threadId))) return undefined;
  const { data } = await AgentMessageEntity()
    .get({ workspaceId: workspaceOf(actor), threadId, messageId })
    .go();
  if (!data || data.role !== "assistant" || !data.runId) return undefined;
  return {
    threadId,
    messageId,
    runId: data.runId,
    seq: data.lastSeq ?? 0,
    content: data.content ?? "",
    done: data.status !== "streaming",
  };
}
