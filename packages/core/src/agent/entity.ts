// Access patterns: get a thread / run of a workspace; list a project's threads (gsi1) or the
// workspace-wide admin threads; list a thread's messages in order; get a message for its
// checkpoint. Stream state (lease, checkpointed seq) lives on the run and message items.
import { Entity } from "electrodb";
import { dataTable, service } from "../db";
import { once } from "../util";

export const ThreadEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "agentThread", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          threadId: { type: "string", required: true },
          /** "workspace" for the admin agent's workspace-wide threads. */
          scope: { type: "string", required: true },
          audience: { type: ["participant", "admin"] as const, required: true },
          createdBy: { type: "string", required: true },
          title: { type: "string", required: true },
          status: { type: ["open", "archived"] as const, required: true },
          createdAt: { type: "string", required: true },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId", "threadId"] },
            sk: { field: "sk", composite: [] },
          },
          byScope: {
            index: "gsi1",
            pk: { field: "gsi1pk", composite: ["workspaceId", "scope"] },
            sk: { field: "gsi1sk", composite: ["threadId"] },
          },
        },
      },
      dataTable(),
    ),
);

export const MessageStatuses = ["streaming", "completed", "failed", "cancelled", "timed_out"] as const;

export const AgentMessageEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "agentMessage", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          threadId: { type: "string", required: true },
          messageId: { type: "string", required: true },
          role: { type: ["user", "assistant", "tool", "system"] as const, required: true },
          authorId: { type: "string" },
          content: { type: "string", default: "" },
          status: { type: MessageStatuses, required: true },
          /** Seq of the last delta included in `content` (the checkpoint). */
          lastSeq: { type: "number", default: 0 },
          runId: { type: "string" },
          /** The worker attempt that owns the stream, and until when (epoch ms). */
          leaseOwner: { type: "string" },
          leaseUntil: { type: "number" },
          citations: { type: "list", items: { type: "string" }, default: [] },
          /** The model that wrote an answer, once it is finished. */
          model: { type: "string" },
          /** `task:ID` -> project id, for the citations the answer's context held. */
          citedProjects: { type: "any" },
          createdAt: { type: "string", required: true },
          updatedAt: { type: "string", required: true },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId", "threadId"] },
            sk: { field: "sk", composite: ["messageId"] },
          },
        },
      },
      dataTable(),
    ),
);

export const RunStatuses = ["queued", "running", "completed", "failed", "cancelled", "timed_out"] as const;

export const RunEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "agentRun", version: "1", service },
        attributes: {
          workspaceId: { type: "string", required: true },
          runId: { type: "string", required: true },
          threadId: { type: "string", required: true },
          messageId: { type: "string", required: true },
          userId: { type: "string", required: true },
          question: { type: "string", required: true },
          status: { type: RunStatuses, required: true },
          provider: { type: "string", required: true },
          /** The workspace's model while queued; the model that answered once finished. */
          model: { type: "string", required: true },
          /** Input read afresh, output, and input written to and read from the prompt cache. */
          tokensIn: { type: "number", default: 0 },
          tokensOut: { type: "number", default: 0 },
          cacheWriteTokens: { type: "number", default: 0 },
          cacheReadTokens: { type: "number", default: 0 },
          costCents: { type: "number", default: 0 },
          contextUsed: { type: "list", items: { type: "string" }, default: [] },
          cancelRequested: { type: "boolean", default: false },
          attempts: { type: "number", default: 0 },
          error: { type: "string" },
          createdAt: { type: "string", required: true },
          startedAt: { type: "string" },
          finishedAt: { type: "string" },
        },
        indexes: {
          primary: {
            pk: { field: "pk", composite: ["workspaceId", "runId"] },
            sk: { field: "sk", composite: [] },
          },
        },
      },
      dataTable(),
    ),
);
