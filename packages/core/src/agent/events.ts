// Events of an agent thread, published on `private-agent-threads.{threadId}`.
import * as z from "zod";
import { event } from "../event";
import { AgentMessage } from "./message";

const Ids = { threadId: z.string(), messageId: z.string(), runId: z.string() };
/** An answer as stored: its content up to `seq`. */
const Stored = z.object({ ...Ids, seq: z.number().int().min(0), content: z.string() });

export const Events = {
  MessageCreated: event("agent.message.created", AgentMessage),
  /** `role` says whose text it is, as the original design's event did: always the assistant's. */
  Delta: event(
    "agent.message.delta",
    z.object({
      ...Ids,
      role: z.literal("assistant"),
      seq: z.number().int().min(1),
      delta: z.string(),
      done: z.boolean(),
    }),
  ),
  /** After a worker crash: clients drop what they applied past `seq` and continue from `content`. */
  Rewound: event("agent.message.rewound", Stored),
  /** The answer to a socket's `resume`: one answer's stored checkpoint, past the seq it named. */
  Checkpoint: event("agent.message.checkpoint", Stored.extend({ done: z.boolean() })),
  Completed: event("agent.message.completed", AgentMessage),
  Failed: event("agent.run.failed", z.object({ ...Ids, error: z.string() })),
  Cancelled: event("agent.run.cancelled", z.object({ ...Ids })),
};
