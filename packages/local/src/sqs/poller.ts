// Lambda's SQS event source mapping, locally: long-polls a queue, invokes the handler with a
// real SQSEvent, deletes what succeeded and leaves batchItemFailures (or the whole batch when
// the handler throws) to reappear after the visibility timeout.
import {
  DeleteMessageBatchCommand,
  type Message,
  ReceiveMessageCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import type { SQSBatchResponse, SQSEvent, SQSRecord } from "aws-lambda";

export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse | undefined | void>;

export interface PollerOptions {
  client: SQSClient;
  queueUrl: string;
  handler: SqsHandler;
  batchSize?: number;
  waitTimeSeconds?: number;
  /** Batches in flight at once, like a Lambda's maximum concurrency. */
  concurrency?: number;
}

export function startPoller(options: PollerOptions): { stop(): Promise<void> } {
  const { client, queueUrl, handler, batchSize = 10, waitTimeSeconds = 1, concurrency = 2 } = options;
  const arn = `arn:aws:sqs:us-east-1:000000000000:${queueUrl.split("/").pop()}`;
  let running = true;

  const loop = async () => {
    while (running) {
      const received = await client
        .send(
          new ReceiveMessageCommand({
            QueueUrl: queueUrl,
            MaxNumberOfMessages: batchSize,
            WaitTimeSeconds: waitTimeSeconds,
            MessageSystemAttributeNames: ["All"],
          }),
        )
        .catch(() => undefined);
      if (!received) {
        // The queue server is gone (stopping) or unreachable: back off instead of spinning.
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      const messages = received.Messages ?? [];
      if (messages.length === 0 || !running) continue;
      const succeeded = await invoke(handler, messages, arn);
      if (succeeded.length > 0) {
        await client
          .send(
            new DeleteMessageBatchCommand({
              QueueUrl: queueUrl,
              Entries: succeeded.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? "" })),
            }),
          )
          .catch(() => undefined);
      }
    }
  };
  const loops = Array.from({ length: concurrency }, loop);
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Runs the handler on one batch and returns the messages to delete. */
async function invoke(handler: SqsHandler, messages: Message[], arn: string): Promise<Message[]> {
  const event: SQSEvent = { Records: messages.map((m) => toRecord(m, arn)) };
  try {
    const response = await handler(event);
    const failed = new Set((response?.batchItemFailures ?? []).map((f) => f.itemIdentifier));
    return messages.filter((m) => !failed.has(m.MessageId ?? ""));
  } catch {
    return [];
  }
}

function toRecord(message: Message, arn: string): SQSRecord {
  const attributes = message.Attributes ?? {};
  return {
    messageId: message.MessageId ?? "",
    receiptHandle: message.ReceiptHandle ?? "",
    body: message.Body ?? "",
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? "1",
      SentTimestamp: attributes.SentTimestamp ?? String(Date.now()),
      SenderId: attributes.SenderId ?? "000000000000",
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? String(Date.now()),
    },
    messageAttributes: {},
    md5OfBody: message.MD5OfBody ?? "",
    eventSource: "aws:sqs",
    eventSourceARN: arn,
    awsRegion: "us-east-1",
  };
}
