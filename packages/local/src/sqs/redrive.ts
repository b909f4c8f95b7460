// Creates a queue with its dead-letter queue and redrive policy, as infra/agent.ts deploys
// it: used by the local stack and by the stand-in's own tests.
import { CreateQueueCommand, GetQueueAttributesCommand, type SQSClient } from "@aws-sdk/client-sqs";

export async function createQueueWithDlq(
  client: SQSClient,
  name: string,
  options: { visibilityTimeout: number; maxReceiveCount: number },
) {
  const dlq = await client.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ["QueueArn"] }),
  );
  const queue = await client.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: String(options.visibilityTimeout),
        RedrivePolicy: JSON.stringify({
          deadLetterTargetArn: Attributes?.QueueArn,
          maxReceiveCount: options.maxReceiveCount,
        }),
      },
    }),
  );
  return { queueUrl: queue.QueueUrl ?? "", dlqUrl: dlq.QueueUrl ?? "", dlqArn: Attributes?.QueueArn ?? "" };
}
