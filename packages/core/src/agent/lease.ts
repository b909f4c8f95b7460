// The stream's ownership: one conditional write claims the assistant message for an attempt,
// and each checkpoint renews the lease while saving content + seq, so a crashed attempt's
// lease lapses and a redelivered job can take over, but two live attempts never overlap.
import { AgentMessageEntity } from "./entity";

export type MessageKey = { workspaceId: string; threadId: string; messageId: string };

/** Claims a streaming message whose lease is free or lapsed; returns its checkpoint. */
export async function claim(key: MessageKey, attempt: string, leaseMs: number) {
  const now = Date.now();
  try {
    const { data } = await AgentMessageEntity()
      .patch(key)
      .set({ leaseOwner: attempt, leaseUntil: now + leaseMs })
      .where(
        ({ status, leaseUntil }, { eq, notExists, lt }) =>
          `${eq(status, "streaming")} AND (${notExists(leaseUntil)} OR ${lt(leaseUntil, now)})`,
      )
      .go({ response: "all_new" });
    return { content: data.content ?? "", lastSeq: data.lastSeq ?? 0 };
  } catch {
    return undefined;
  }
}

/** Saves the checkpoint and extends the lease; false when another attempt owns the stream. */
export async function renew(
  key: MessageKey,
  attempt: string,
  leaseMs: number,
  content: string,
  lastSeq: number,
) {
  try {
    await AgentMessageEntity()
      .patch(key)
      .set({ content, lastSeq, leaseUntil: Date.now() + leaseMs, updatedAt: new Date().toISOString() })
      .where(({ leaseOwner, status }, { eq }) => `${eq(leaseOwner, attempt)} AND ${eq(status, "streaming")}`)
      .go();
    return true;
  } catch {
    return false;
  }
}
