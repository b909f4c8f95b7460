// What readers of an agent thread saw of one answer, from the frames their sockets recorded.
import type { Frame } from "./stack";

/** The answer's delta payloads, in arrival order. */
export const deltasOf = (frames: Frame[], messageId: string) =>
  frames
    .filter((f) => f.event === "agent.message.delta" && f.data.messageId === messageId)
    .map((f) => f.data);

/** What a client following the protocol shows: in-order deltas, rewinds to a checkpoint, dones applied. */
export function replay(frames: Frame[], messageId: string) {
  let content = "";
  let lastSeq = 0;
  let done = 0;
  for (const f of frames) {
    if (f.data?.messageId !== messageId) continue;
    if (f.event === "agent.message.rewound") {
      content = f.data.content;
      lastSeq = f.data.seq;
    } else if (f.event === "agent.message.delta" && f.data.seq === lastSeq + 1) {
      content += f.data.delta;
      lastSeq = f.data.seq;
      if (f.data.done) done += 1;
    }
  }
  return { content, lastSeq, done };
}
