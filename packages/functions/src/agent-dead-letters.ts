// SQS (agent jobs that ran out of receives) -> the dead-letter consumer: ends a dead job's answer
// as failed, so readers get their done, then parks the job in the DLQ that ops list and redrive
// (a redriven run finds its answer final and is skipped). A record that fails comes back, and
// after three tries lands in the DLQ as it is (the DLQ alarm fires either way).

import { Agent } from "@rehome/core/agent";
import { logger } from "@rehome/core/log";
import * as Metric from "@rehome/core/metrics";
import type { SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";
import { eachRecord } from "./sqs-batch";

export const handler = Metric.withMetrics(async (event: SQSEvent): Promise<SQSBatchResponse> => {
  return eachRecord(event, handleRecord);
});

async function handleRecord(record: SQSRecord) {
  const job = Agent.parseJob(record.body);
  try {
    if (job?.type === "agent.run") {
      const answer = await Agent.failAbandoned(job.workspaceId, job.runId);
      logger().warn("agent run dead-lettered", { runId: job.runId, workspaceId: job.workspaceId, answer });
    } else {
      logger().warn("agent job dead-lettered", { type: job?.type, messageId: record.messageId });
    }
    await Agent.park(record.body);
  } catch (error) {
    logger().error("dead-lettered job not handled", { messageId: record.messageId, error: error as Error });
    throw error;
  }
}
