// Lambda's SQS event source mapping, locally: long-polls a queue, invokes the handler with a
// real SQSEvent, deletes what succeeded and leaves batchItemFailures (or the whole batch when
// the handler throws) to reappear after the visibility timeout. It never retries by itself.
import {
  DeleteMessageBatchCommand,
  type Message,
  type MessageAttributeValue,
  ReceiveMessageCommand,
  type SQSClient,
} from "@aws-sdk/client-sqs";
import type { SQSBatchResponse, SQSEvent, SQSMessageAttributes, SQSRecord } from "aws-lambda";
import { ACCOUNT, REGION } from "../account";

export type SqsHandler = (event: SQSEvent) => Promise<SQSBatchResponse | undefined | void>;

export interface PollerOptions {
  client: SQSClient;
  queueUrl: string;
  handler: SqsHandler;
  /** Records per invocation, at most 10 (one ReceiveMessage). */
  batchSize?: number;
  waitTimeSeconds?: number;
  /** Batches in flight at once, like a function's maximum concurrency. */
  concurrency?: number;
  /** FunctionResponseTypes has ReportBatchItemFailures (default true); without it Lambda ignores the response. */
  reportBatchItemFailures?: boolean;
  /** Where a failed invocation is reported; Lambda would log it. Default: console.error. */
  onError?: (error: unknown) => void;
}

export interface Poller {
  /** Stops polling and resolves once the handlers in flight have finished. */
  stop(): Promise<void>;
}

export function startPoller(options: PollerOptions): Poller {
  const { client, queueUrl, handler, batchSize = 10, waitTimeSeconds = 1, concurrency = 2 } = options;
  const reportFailures = options.reportBatchItemFailures ?? true;
  const onError = options.onError ?? ((error) => console.error(`[sqs poller] ${queueUrl}:`, error));
  const eventSourceARN = `arn:aws:sqs:${REGION}:${ACCOUNT}:${queueUrl.split("/").pop()}`;
  let running = true;

  const poll = async () => {
    while (running) {
      const received = await client
        .send(
          new ReceiveMessageCommand({
            QueueUrl: queueUrl,
            MaxNumberOfMessages: batchSize,
            WaitTimeSeconds: waitTimeSeconds,
            MessageSystemAttributeNames: ["All"],
            MessageAttributeNames: ["All"],
          }),
        )
        .catch(() => undefined);
      if (!received) {
        // The queue server is stopping or unreachable: back off instead of spinning.
        await new Promise((resolve) => setTimeout(resolve, 200));
        continue;
      }
      const messages = received.Messages ?? [];
      if (messages.length === 0) continue;
      const succeeded = await invoke(handler, messages, eventSourceARN, onError, reportFailures);
      if (succeeded.length === 0) continue;
      await client
        .send(
          new DeleteMessageBatchCommand({
            QueueUrl: queueUrl,
            Entries: succeeded.map((m, i) => ({ Id: String(i), ReceiptHandle: m.ReceiptHandle ?? "" })),
          }),
        )
        // Not deleted means redelivered later, which handlers must tolerate anyway.
        .catch(onError);
    }
  };
  const loops = Array.from({ length: concurrency }, poll);
  return {
    stop: async () => {
      running = false;
      await Promise.all(loops);
    },
  };
}

/** Runs the handler on one batch and returns the messages to delete. */
async function invoke(
  handler: SqsHandler,
  messages: Message[],
  eventSourceARN: string,
  onError: (error: unknown) => void,
  reportFailures: boolean,
): Promise<Message[]> {
  const event: SQSEvent = { Records: messages.map((m) => toRecord(m, eventSourceARN)) };
  try {
    const response = await handler(event);
    const failures = (reportFailures && response?.batchItemFailures) || [];
    const ids = new Set(messages.map((m) => m.MessageId));
    // Lambda treats a response naming no record of the batch as a failure of the whole batch.
    if (failures.some((f) => !f.itemIdentifier || !ids.has(f.itemIdentifier))) {
      onError(new Error("batchItemFailures names an unknown itemIdentifier: the whole batch failed"));
      return [];
    }
    const failed = new Set(failures.map((f) => f.itemIdentifier));
    return messages.filter((m) => !failed.has(m.MessageId ?? ""));
  } catch (error) {
    onError(error);
    return [];
  }
}

function toRecord(message: Message, eventSourceARN: string): SQSRecord {
  const attributes = message.Attributes ?? {};
  return {
    messageId: message.MessageId ?? "",
    receiptHandle: message.ReceiptHandle ?? "",
    body: message.Body ?? "",
    attributes: {
      ApproximateReceiveCount: attributes.ApproximateReceiveCount ?? "",
      SentTimestamp: attributes.SentTimestamp ?? "",
      SenderId: attributes.SenderId ?? "",
      ApproximateFirstReceiveTimestamp: attributes.ApproximateFirstReceiveTimestamp ?? "",
    },
    messageAttributes: toRecordAttributes(message.MessageAttributes ?? {}),
    md5OfBody: message.MD5OfBody ?? "",
    ...(message.MD5OfMessageAttributes && { md5OfMessageAttributes: message.MD5OfMessageAttributes }),
    eventSource: "aws:sqs",
    eventSourceARN,
    awsRegion: REGION,
  };
}

/** Lambda's record shape: camelCase keys, binary values base64, empty list fields present. */
function toRecordAttributes(attributes: Record<string, MessageAttributeValue>): SQSMessageAttributes {
  return Object.fromEntries(
    Object.entries(attributes).map(([name, value]) => [
      name,
      {
        dataType: value.DataType ?? "String",
        ...(value.StringValue !== undefined && { stringValue: value.StringValue }),
        ...(value.BinaryValue !== undefined && {
          binaryValue: Buffer.from(value.BinaryValue).toString("base64"),
        }),
        stringListValues: [],
        binaryListValues: [],
      },
    ]),
  );
}
