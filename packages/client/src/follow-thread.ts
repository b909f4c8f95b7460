// Follows the answers of one agent thread: each assistant message gets its own ordered answer
// stream, a gap or a reconnect refetches the checkpoint (GET messages), and the caller hears
// when an answer settles so it can reload the stored message (status, citations).
import { type AnswerStream, type Checkpoint, createAnswerStream } from "./answer-stream";
import type { AgentThreadEvents } from "./events";
import type { Realtime } from "./realtime";

type Delta = AgentThreadEvents["agent.message.delta"];
type Rewound = AgentThreadEvents["agent.message.rewound"];
const SETTLED = ["agent.message.completed", "agent.run.failed", "agent.run.cancelled"] as const;

export interface FollowThreadOptions {
  realtime: Realtime;
  threadId: string;
  /** The stored partial of a message: `{content, lastSeq}` from GET /api/agent/threads/{id}/messages. */
  checkpoint: (messageId: string) => Promise<Checkpoint | undefined>;
  onChange: (messageId: string, state: Checkpoint) => void;
  /** A message was created, completed, failed or cancelled: reload the thread. */
  onSettled?: (event: string) => void;
  gapTimeoutMs?: number;
  idleTimeoutMs?: number;
}

export function followThread(options: FollowThreadOptions) {
  const { realtime, threadId } = options;
  const streams = new Map<string, AnswerStream>();

  const catchUp = (messageId: string) =>
    void options
      .checkpoint(messageId)
      .then((c) => c && streams.get(messageId)?.checkpoint(c))
      .catch(() => undefined);

  const streamFor = (messageId: string) => {
    let stream = streams.get(messageId);
    if (!stream) {
      stream = createAnswerStream({
        onChange: (state) => options.onChange(messageId, state),
        refetch: () => catchUp(messageId),
        gapTimeoutMs: options.gapTimeoutMs,
        idleTimeoutMs: options.idleTimeoutMs,
      });
      streams.set(messageId, stream);
    }
    return stream;
  };

  const settled = (event: string) => () => options.onSettled?.(event);
  const catchUpUnfinished = () => {
    for (const [messageId, stream] of streams) if (!stream.current().done) catchUp(messageId);
  };
  const channel = realtime
    .private(`agent-threads.${threadId}`)
    .listen<Delta>("agent.message.delta", (d) => {
      streamFor(d.messageId).delta(d);
      if (d.done) options.onSettled?.("agent.message.delta");
    })
    .listen<Rewound>("agent.message.rewound", (r) => streamFor(r.messageId).rewound(r))
    .listen("agent.message.created", settled("agent.message.created"))
    // What the page loaded predates the subscription: deltas sent in between only the checkpoint has.
    .subscribed(catchUpUnfinished);
  for (const event of SETTLED) channel.listen(event, settled(event));

  // Deltas sent while the socket was down are gone: resume each unfinished answer from its checkpoint.
  let wasDown = false;
  const offState = realtime.onState((state) => {
    if (state === "reconnecting") wasDown = true;
    if (state !== "connected" || !wasDown) return;
    wasDown = false;
    catchUpUnfinished();
  });

  return {
    /** Starts a message from what the page loaded (a second tab, or a late subscriber). */
    seed(messageId: string, checkpoint: Checkpoint) {
      streamFor(messageId).checkpoint(checkpoint);
    },
    stop() {
      offState();
      realtime.leaveChannel(channel.name);
    },
  };
}
