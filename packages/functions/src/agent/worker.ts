// SQS -> the agent worker: answers runs, writes digests, milestone and meeting summaries, risk
// reports and drafts, and sends password-reset emails. Records of a batch run concurrently (each
// is a streamed answer); a record that fails is reported in batchItemFailures so only it comes
// back. It alone calls the models: the run pipeline and the writers (and so the provider's SDK)
// are in no other function's bundle.

import { Agent } from "@rehome/core/agent";
import { loggable } from "@rehome/core/agent/job";
import { processRun } from "@rehome/core/agent/worker";
import { emailResetLink } from "@rehome/core/auth/reset-email";
import { loadSecrets } from "@rehome/core/config/secrets";
import { writeDraft } from "@rehome/core/draft/write";
import { logger } from "@rehome/core/log";
import * as Metric from "@rehome/core/metrics";
import { writeReport } from "@rehome/core/risks/write";
import {
  writeMeeting,
  writeMilestone,
  writeProjectDigest,
  writeWorkspaceRollup,
} from "@rehome/core/summary/writers";
import type { SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { eachRecord } from "../sqs-batch";

export const handler = Metric.withMetrics(async (event: SQSEvent): Promise<SQSBatchResponse> => {
  await loadSecrets();
  return eachRecord(event, handleRecord);
});

async function handleRecord(record: SQSRecord) {
  const job = Agent.parseJob(record.body);
  if (!job) {
    // A malformed job can never succeed: log it and let it go rather than loop to the DLQ.
    logger().error("malformed agent job", { messageId: record.messageId });
    return;
  }
  try {
    if (job.type === "agent.run") {
      const outcome = await processRun(job.workspaceId, job.runId);
      logger().info("agent run processed", { runId: job.runId, workspaceId: job.workspaceId, outcome });
    } else if (job.type === "digest.project") {
      await writeProjectDigest(job.workspaceId, job.projectId, job.summaryId);
    } else if (job.type === "summary.meeting") {
      await writeMeeting(job.workspaceId, job.projectId, job.summaryId, job);
    } else if (job.type === "risks.report") {
      await writeReport(job.workspaceId, job.reportId);
    } else if (job.type === "draft.write") {
      await writeDraft(job.workspaceId, job.draftId);
    } else if (job.type === "password.reset") {
      await emailResetLink(job.email, job.requestedAt);
    } else if (job.type === "summary.milestone") {
      await writeMilestone(job.workspaceId, job.projectId, job.taskId, job.summaryId);
    } else {
      await writeWorkspaceRollup(job.workspaceId, job.summaryId);
    }
  } catch (error) {
    logger().error("agent job failed", { job: loggable(job), error: error as Error });
    // This was the last receive: SQS dead-letters the job next (functions/agent-dead-letters.ts).
    if (Number(record.attributes.ApproximateReceiveCount) >= Agent.MAX_RECEIVES) Metric.count("DlqSends");
    throw error;
  }
}
