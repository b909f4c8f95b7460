// Ends an answer whose job ran out of SQS receives (the dead-letter consumer calls it): takes the
// stream over like a redelivered attempt once the last lease has lapsed, rewinds readers to the
// checkpoint and finishes it "failed" with one done delta. Both writes are conditional, so this and
// a worker attempt never both finish it, and an answer already final is left alone.

import { NO_TOKENS } from "../budget/tokens";
import { config } from "../config";
import * as Metric from "../metrics";
import { Channel, publish } from "../realtime";
import { createId } from "../util";
import { AgentMessageEntity, RunEntity } from "./entity";
import { Events } from "./events";
import { finish } from "./finish";
import { MAX_RECEIVES } from "./job";
import { claim, type MessageKey } from "./lease";

export const GAVE_UP = `The assistant could not finish this answer (it failed ${MAX_RECEIVES} times). Please ask again.`;

/** A live lease: an attempt is still streaming, so the answer may yet end by itself. Try later. */
export class StreamStillLeased extends Error {}

/** "failed": this call ended the answer; "final": it had already ended (or never existed). */
export async function failAbandoned(workspaceId: string, runId: string): Promise<"failed" | "final"> {
  const { data: run } = await RunEntity().get({ workspaceId, runId }).go();
  if (!run) return "final";
  const key: MessageKey = { workspaceId, threadId: run.threadId, messageId: run.messageId };
  const attempt = createId();
  const claimed = await claim(key, attempt, config().stream.leaseMs);
  if (!claimed) {
    const { data: message } = await AgentMessageEntity().get(key).go();
    if (message?.status === "streaming") throw new StreamStillLeased(`run ${runId} is still streaming`);
    return "final";
  }
  const ids = { threadId: run.threadId, messageId: run.messageId, runId };
  // A crashed attempt may have sent deltas past the checkpoint: readers drop those first, so the
  // done delta (checkpoint seq + 1) is the next one they apply rather than one they think they have.
  const checkpoint = { seq: claimed.lastSeq, content: claimed.content };
  await publish(Channel.agentThread(run.threadId), Events.Rewound, { ...ids, ...checkpoint });
  const ended = await finish({
    key,
    ids,
    attempt,
    outcome: "failed",
    error: GAVE_UP,
    ...checkpoint,
    model: run.model,
    usage: NO_TOKENS,
  });
  if (!ended) return "final";
  Metric.count("StuckAnswersFailed");
  return "failed";
}
