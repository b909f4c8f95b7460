// Hands a job straight to the agent worker, as SQS would deliver it: how the suites deliver a job
// a second time without waiting for the queue.
import { handler as agentWorker } from "@rehome/functions/agent/worker";
import type { SQSEvent } from "aws-lambda";

let delivered = 0;

export const deliverJob = (body: object, receiveCount = 1) =>
  agentWorker({
    Records: [
      {
        messageId: `delivered-${++delivered}`,
        body: JSON.stringify(body),
        attributes: { ApproximateReceiveCount: String(receiveCount) },
      },
    ],
  } as unknown as SQSEvent);
