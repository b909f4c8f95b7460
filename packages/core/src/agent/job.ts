// The agent queue's message bodies: one schema for the sender, the worker and the dead-letter
// consumer, which parks each job it has dealt with in the DLQ that ops list and redrive.
import * as z from "zod";
import { sqs } from "../aws/clients";
import { config } from "../config";

/** Receives before SQS moves a job to the dead-letter queue (infra/agent.ts and the local stack). */
export const MAX_RECEIVES = 3;
/**
 * Receives of a dead-lettered job before the consumer's queue gives it up to the DLQ. SQS keeps a
 * message's receive count when it dead-letters it, so the consumer's own tries come on top.
 */
export const DEAD_LETTER_RECEIVES = MAX_RECEIVES + 3;

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
  // The summary id is derived from the task's move to done (summary/milestone.ts).
  z.object({
    type: z.literal("summary.milestone"),
    workspaceId: z.string(),
    projectId: z.string(),
    taskId: z.string(),
    summaryId: z.string(),
  }),
  // Pasted notes travel in the job (at most 20,000 characters, well inside an SQS message).
  z.object({
    type: z.literal("summary.meeting"),
    workspaceId: z.string(),
    projectId: z.string(),
    summaryId: z.string(),
    title: z.string().nullable(),
    notes: z.string(),
  }),
  // The report was queued under its id (risks/), so a redelivered job finds it written.
  z.object({ type: z.literal("risks.report"), workspaceId: z.string(), reportId: z.string() }),
  // The draft was stored as queued under its id (draft/), holding what it is drafted from.
  z.object({ type: z.literal("draft.write"), workspaceId: z.string(), draftId: z.string() }),
  // Forgot-password: the request only queues this, so its work and timing are the same for every
  // email; the worker looks the person up and sends the link (auth/reset-email.ts).
  z.object({ type: z.literal("password.reset"), email: z.string(), requestedAt: z.iso.datetime() }),
]);
export type Job = z.infer<typeof Job>;

/** A job as a log line may show it: a reset's email address is personal data, so only its type. */
export const loggable = (job: Job) => (job.type === "password.reset" ? { type: job.type } : job);

export async function enqueue(job: Job): Promise<void> {
  const { client, sdk } = await sqs();
  await client.send(
    new sdk.SendMessageCommand({ QueueUrl: config().agentQueueUrl, MessageBody: JSON.stringify(job) }),
  );
}

/** A message body as a job; undefined when it is not one (no retry can fix that). */
export function parseJob(body: string): Job | undefined {
  try {
    const parsed = Job.safeParse(JSON.parse(body));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Puts a dead-lettered message, as it came, in the DLQ (AGENT_DLQ_URL) for ops to list or redrive. */
export async function park(body: string): Promise<void> {
  const { agentDlqUrl } = config();
  if (!agentDlqUrl) throw new Error("AGENT_DLQ_URL is not set: nowhere to park a dead-lettered job");
  const { client, sdk } = await sqs();
  await client.send(new sdk.SendMessageCommand({ QueueUrl: agentDlqUrl, MessageBody: body }));
}
