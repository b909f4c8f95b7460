// The agent queue's message bodies: one schema for the sender and the worker.
import { SendMessageCommand } from "@aws-sdk/client-sqs";
import { z } from "zod";
import { sqs } from "../aws/clients";
import { config } from "../config";

/** Receives before SQS moves a job to the dead-letter queue (infra/agent.ts and the local stack). */
export const MAX_RECEIVES = 3;

export const Job = z.discriminatedUnion("type", [
  z.object({ type: z.literal("agent.run"), workspaceId: z.string(), runId: z.string() }),
  // A digest job names the summary it writes, so a redelivered job cannot write (or email) a second one.
  z.object({
    type: z.literal("digest.project"),
    workspaceId: z.string(),
    projectId: z.string(),
    summaryId: z.string(),
  }),
  z.object({ type: z.literal("digest.workspace"), workspaceId: z.string(), summaryId: z.string() }),
]);
export type Job = z.infer<typeof Job>;

export async function enqueue(job: Job): Promise<void> {
  await sqs().send(
    new SendMessageCommand({ QueueUrl: config().agentQueueUrl, MessageBody: JSON.stringify(job) }),
  );
}
