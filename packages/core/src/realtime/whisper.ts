// Whispers: client events such as `typing`, relayed to the other members of a presence channel
// and never stored. Only a member may whisper, and each connection only so often (a TTL counter
// per second in the Realtime table), so one tab cannot flood a channel.
import { config } from "../config";
import { refusalOf, type VisibleError } from "../error";
import { Usage } from "../usage";
import { envelope, parseChannel, type Reply } from "./channel";
import { members, tell } from "./presence";
import type { Subscriber } from "./publisher";

export interface Whisper {
  channel: string;
  event: string;
  data: unknown;
}

/** Relays `whisper` from `sender` as `client-{event}` with `{from, payload}`. */
export async function relay(sender: Subscriber, whisper: Whisper, reply: Reply): Promise<void> {
  const { channel } = whisper;
  const refuse = (code: string, message: string, details: object = {}) =>
    reply({ channel, event: "error", data: { code, message, ...details } });
  if (parseChannel(channel)?.kind !== "presence") {
    await refuse("forbidden", "Whispers go to presence channels only.");
    return;
  }
  const limited = await overLimit(sender.connectionId);
  if (limited) {
    await refuse(limited.code, limited.message, { retryAfter: limited.retryAfter });
    return;
  }
  const present = await members(channel);
  if (!present.some((s) => s.connectionId === sender.connectionId)) {
    await refuse("forbidden", "Join the channel first.");
    return;
  }
  await tell(
    channel,
    present.filter((s) => s.userId !== sender.userId),
    envelope(channel, `client-${whisper.event}`, {
      from: { id: sender.userId, name: sender.name },
      payload: whisper.data,
    }),
  );
}

/** Counts one whisper; the 429 to answer with when over the limit. */
async function overLimit(connectionId: string): Promise<VisibleError | undefined> {
  const max = config().realtime.whispersPerSecond;
  // 0 switches the limit off.
  if (max === 0) return undefined;
  const message = "Too many whispers; slow down.";
  return refusalOf(() =>
    Usage.consume([{ key: `ws:whisper:${connectionId}`, max, windowSeconds: 1, message }]),
  );
}
