// The poller stands in for Lambda's SQS event source mapping: a failing handler's message comes
// back after the visibility timeout with a higher receive count and is dead-lettered after
// maxReceiveCount receives; a partial batch response deletes only the records that succeeded.
import {
  CreateQueueCommand,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import type { SQSEvent } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPoller } from "./poller";
import { createQueueWithDlq } from "./redrive";
import { messagesIn, useLocalSqs } from "./testing";

const sqs = useLocalSqs();

const queueWithDlq = (name: string, visibilityTimeout: number, maxReceiveCount = 2) =>
  createQueueWithDlq(sqs.client, name, { visibilityTimeout, maxReceiveCount });

const total = (QueueUrl: string) => messagesIn(sqs.client, QueueUrl);

const ignoreErrors = () => undefined;

describe("the SQS poller", () => {
  it("redelivers a failed message after the visibility timeout, then dead-letters it", async () => {
    const { queueUrl, dlqUrl } = await queueWithDlq("failing", 1, 2);
    await sqs.client.send(
      new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: '{"job":"always-fails"}' }),
    );
    const receiveCounts: string[] = [];
    const poller = startPoller({
      client: sqs.client,
      queueUrl,
      concurrency: 1,
      onError: ignoreErrors,
      handler: async (event) => {
        receiveCounts.push(...event.Records.map((r) => r.attributes.ApproximateReceiveCount));
        throw new Error("the worker failed");
      },
    });
    await expect.poll(() => total(dlqUrl), { timeout: 4_000, interval: 100 }).toBe(1);
    await poller.stop();
    expect(receiveCounts).toEqual(["1", "2"]);
    expect(await total(queueUrl)).toBe(0);
    const dead = await sqs.client.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl }));
    expect(dead.Messages?.[0]?.Body).toBe('{"job":"always-fails"}');
  });

  it("deletes only the records a partial batch response does not report as failed", async () => {
    const { queueUrl } = await queueWithDlq("partial", 30);
    await sqs.client.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: ["ok-1", "fail", "ok-2"].map((body, i) => ({ Id: String(i), MessageBody: body })),
      }),
    );
    const seen: string[] = [];
    const poller = startPoller({
      client: sqs.client,
      queueUrl,
      handler: async (event) => {
        seen.push(...event.Records.map((r) => r.body));
        return {
          batchItemFailures: event.Records.filter((r) => r.body === "fail").map((r) => ({
            itemIdentifier: r.messageId,
          })),
        };
      },
    });
    await expect.poll(() => seen.length).toBe(3);
    await poller.stop();
    // The failed record waits out its visibility timeout; the other two are gone.
    expect(await total(queueUrl)).toBe(1);
  });

  it("gives the handler Lambda's SQSEvent shape", async () => {
    const { queueUrl } = await queueWithDlq("shape", 30);
    await sqs.client.send(
      new SendMessageCommand({
        QueueUrl: queueUrl,
        MessageBody: "hello",
        MessageAttributes: { kind: { DataType: "String", StringValue: "digest" } },
      }),
    );
    const events: SQSEvent[] = [];
    const poller = startPoller({
      client: sqs.client,
      queueUrl,
      handler: async (event) => void events.push(event),
    });
    await expect.poll(() => events.length).toBe(1);
    await poller.stop();
    const record = events[0]?.Records[0];
    expect(record).toMatchObject({
      body: "hello",
      md5OfBody: "5d41402abc4b2a76b9719d911017c592",
      eventSource: "aws:sqs",
      eventSourceARN: "arn:aws:sqs:us-east-1:000000000000:shape",
      awsRegion: "us-east-1",
      attributes: { ApproximateReceiveCount: "1", SenderId: "000000000000" },
      messageAttributes: {
        kind: { dataType: "String", stringValue: "digest", stringListValues: [], binaryListValues: [] },
      },
    });
    expect(Number(record?.attributes.SentTimestamp)).toBeGreaterThan(0);
    expect(Number(record?.attributes.ApproximateFirstReceiveTimestamp)).toBeGreaterThan(0);
    expect(await total(queueUrl)).toBe(0);
  });

  it("waits for the handler in flight when stopped", async () => {
    const { queueUrl } = await queueWithDlq("stopping", 30);
    await sqs.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "slow" }));
    let started = false;
    let finish = () => {};
    const poller = startPoller({
      client: sqs.client,
      queueUrl,
      handler: () =>
        new Promise<void>((resolve) => {
          started = true;
          finish = resolve;
        }),
    });
    await expect.poll(() => started).toBe(true);
    let stopped = false;
    const stopping = poller.stop().then(() => {
      stopped = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(stopped).toBe(false);
    finish();
    await stopping;
    expect(await total(queueUrl)).toBe(0);
  });
});
