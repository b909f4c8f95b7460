// Creates queues with their redrive policies, as infra/agent.ts deploys them: used by the local
// stack (agent queue -> the dead-letter consumer's queue -> the DLQ) and by the stand-in's tests.
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from "@aws-sdk/client-sqs";

export interface Redrive {
  visibilityTimeout: number;
  maxReceiveCount: number;
}

/** A queue that dead-letters into a new `${name}-dlq` after maxReceiveCount receives. */
export async function createQueueWithDlq(client: SQSClient, name: string, options: Redrive) {
  const dlq = await client.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
  const dlqArn = await queueArn(client, dlq.QueueUrl ?? "");
  const queueUrl = await createQueueDeadLetteringTo(client, name, dlqArn, options);
  return { queueUrl, queueArn: await queueArn(client, queueUrl), dlqUrl: dlq.QueueUrl ?? "", dlqArn };
}

/** A queue that dead-letters into an existing queue (by ARN) after maxReceiveCount receives. */
export async function createQueueDeadLetteringTo(
  client: SQSClient,
  name: string,
  deadLetterTargetArn: string,
  options: Redrive,
) {
  const queue = await client.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: String(options.visibilityTimeout),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn, maxReceiveCount: options.maxReceiveCount }),
      },
    }),
  );
  return queue.QueueUrl ?? "";
}

export async function queueArn(client: SQSClient, queueUrl: string) {
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: queueUrl, AttributeNames: ["QueueArn"] }),
  );
  return Attributes?.QueueArn ?? "";
}
