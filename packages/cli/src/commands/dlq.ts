// `rehome dlq list|redrive`: what failed three times, and sending it back to the agent queue.
// Uses the SQS API directly, so it works on the local stand-in and on AWS alike.
import {
  DeleteMessageCommand,
  ReceiveMessageCommand,
  SendMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import { useLocalStack } from "../local";
import type { Options } from "../main";
import { CliError, ok } from "../output";

export async function dlq(args: string[], options: Options) {
  const action = args[0];
  if (action !== "list" && action !== "redrive") throw new CliError("usage: rehome dlq list|redrive");
  const { client, queueUrl, dlqUrl } = await queues(options);
  // Messages stay invisible for a short while after a list, so list and redrive see each one once.
  const messages = [];
  for (;;) {
    const batch = await client.send(
      new ReceiveMessageCommand({
        QueueUrl: dlqUrl,
        MaxNumberOfMessages: 10,
        VisibilityTimeout: action === "list" ? 5 : 60,
        MessageSystemAttributeNames: ["ApproximateReceiveCount", "SentTimestamp"],
      }),
    );
    if (!batch.Messages?.length) break;
    messages.push(...batch.Messages);
  }
  for (const message of messages) {
    if (action === "list") {
      const sent = new Date(Number(message.Attributes?.SentTimestamp ?? 0)).toISOString();
      console.log(
        `  ${message.MessageId}  sent ${sent}  receives ${message.Attributes?.ApproximateReceiveCount}  ${message.Body?.slice(0, 120)}`,
      );
      continue;
    }
    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: message.Body ?? "" }));
    await client.send(new DeleteMessageCommand({ QueueUrl: dlqUrl, ReceiptHandle: message.ReceiptHandle }));
  }
  ok(
    action === "list" ? `${messages.length} message(s) in the DLQ` : `${messages.length} message(s) redriven`,
  );
}

async function queues(options: Options) {
  if (options["queue-url"] && options["dlq-url"]) {
    return { client: new SQSClient({}), queueUrl: options["queue-url"], dlqUrl: options["dlq-url"] };
  }
  const env = await useLocalStack();
  const queueUrl = env.AGENT_QUEUE_URL;
  const dlqUrl = env.AGENT_DLQ_URL;
  if (!queueUrl || !dlqUrl) throw new CliError("the local stack did not record its queues");
  return {
    client: new SQSClient({ endpoint: env.SQS_ENDPOINT, region: env.AWS_REGION ?? "us-east-1" }),
    queueUrl,
    dlqUrl,
  };
}
