// Follows the answers of one agent thread: each assistant message gets its own ordered answer
// stream, a gap, a silence or a reconnect asks the socket to `resume` it from its stored
// checkpoint, and the caller hears when an answer settles so it can reload the stored message
// (status, citations).
import { type AnswerStream, type Checkpoint, createAnswerStream } from "./answer-stream";
import type { AgentThreadEvents } from "./events";
import type { Realtime } from "./realtime";

type Delta = AgentThreadEvents["agent.message.delta"];
type Rewound = AgentThreadEvents["agent.message.rewound"];
type Checkpointed = AgentThreadEvents["agent.message.checkpoint"];
const SETTLED = ["agent.message.completed", "agent.run.failed", "agent.run.cancelled"] as const;

export interface FollowThreadOptions {
  realtime: Realtime;
  threadId: string;
  onChange: (messageId: string, state: Checkpoint) => void;
  /** A message was created, completed, failed or cancelled: reload the thread. */
  onSettled?: (event: string) => void;
  gapTimeoutMs?: number;
  idleTimeoutMs?: number;
}

export function followThread(options: FollowThreadOptions) {
  const { realtime, threadId } = options;
  const streams = new Map<string, AnswerStream>();

  // The server answers only when it holds more than this client has (agent.message.checkpoint).
  const catchUp = (messageId: string) =>
    channel.resume(messageId, streams.get(messageId)?.current().lastSeq ?? 0);

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
    .listen<Checkpointed>("agent.message.checkpoint", (c) => {
      streamFor(c.messageId).checkpoint({ content: c.content, lastSeq: c.seq, done: c.done });
      // An answer that ended while this client missed its done settles from the checkpoint.
      if (c.done) options.onSettled?.("agent.message.checkpoint");
    })
    .listen("agent.message.created", settled("agent.message.created"))
    // What the page loaded predates the subscription, and deltas sent while a socket was down are
    // gone: after every (re)subscription, each unfinished answer resumes from its checkpoint, so
    // nothing falls between the checkpoint and the deltas the subscription now receives.
    .subscribed(catchUpUnfinished);
  for (const event of SETTLED) channel.listen(event, settled(event));

  return {
    /** Starts a message from what the page loaded (a second tab, or a late subscriber). */
    seed(messageId: string, checkpoint: Checkpoint) {
      streamFor(messageId).checkpoint(checkpoint);
    },
    stop() {
      realtime.leaveChannel(channel.name);
    },
  };
}
