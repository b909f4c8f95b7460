// What an agent message looks like outside the table: the one schema of the API and the thread's
// events. Kept apart from the use cases so the events, and realtime that sends them, load without them.
import * as z from "zod";
import { MessageStatuses } from "./entity";

export const AgentMessage = z
  .object({
    id: z.string(),
    threadId: z.string(),
    role: z.enum(["user", "assistant", "tool", "system"]),
    authorId: z.string().nullable(),
    content: z.string(),
    status: z.enum(MessageStatuses),
    lastSeq: z.number().int(),
    runId: z.string().nullable(),
    /** The model that wrote a finished answer (the fallback, when it stood in); null otherwise. */
    model: z.string().nullable(),
    citations: z.array(z.string()),
    /** The project of each citation the answer's context held (`task:ID` -> project id). */
    citedProjects: z.record(z.string(), z.string()),
    createdAt: z.string(),
  })
  .meta({ id: "AgentMessage" });
export type AgentMessage = z.infer<typeof AgentMessage>;
