// The local SQS behaves like SQS where the worker relies on it: a failed message comes back
// after the visibility timeout with a higher receive count, and after maxReceiveCount
// receives it is in the dead-letter queue; partial batch failures delete only the successes.
import {
  CreateQueueCommand,
  GetQueueAttributesCommand,
  QueueDoesNotExist,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
} from "@aws-sdk/client-sqs";
import type { SQSEvent } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startPoller } from "./poller";
import { startSqs } from "./server";

let server: Awaited<ReturnType<typeof startSqs>>;
let client: SQSClient;

beforeAll(async () => {
  server = await startSqs();
  client = new SQSClient({
    endpoint: server.endpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
  });
});
afterAll(() => server.stop());

async function queueWithDlq(name: string, visibilityTimeout = 1) {
  const dlq = await client.send(new CreateQueueCommand({ QueueName: `${name}-dlq` }));
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({ QueueUrl: dlq.QueueUrl, AttributeNames: ["QueueArn"] }),
  );
  const queue = await client.send(
    new CreateQueueCommand({
      QueueName: name,
      Attributes: {
        VisibilityTimeout: String(visibilityTimeout),
        RedrivePolicy: JSON.stringify({ deadLetterTargetArn: Attributes?.QueueArn, maxReceiveCount: 3 }),
      },
    }),
  );
  return { queueUrl: queue.QueueUrl ?? "", dlqUrl: dlq.QueueUrl ?? "" };
}

const count = async (queueUrl: string) => {
  const { Attributes } = await client.send(
    new GetQueueAttributesCommand({
      QueueUrl: queueUrl,
      AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    }),
  );
  return (
    Number(Attributes?.ApproximateNumberOfMessages) +
    Number(Attributes?.ApproximateNumberOfMessagesNotVisible)
  );
};

describe("the local SQS", () => {
  it("redelivers a failed message and dead-letters it after maxReceiveCount receives", async () => {
    const { queueUrl, dlqUrl } = await queueWithDlq("failing");
    await client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: '{"job":"always-fails"}' }));
    const receiveCounts: number[] = [];
    const poller = startPoller({
      client,
      queueUrl,
      waitTimeSeconds: 1,
      concurrency: 1,
      handler: async (event: SQSEvent) => {
        receiveCounts.push(...event.Records.map((r) => Number(r.attributes.ApproximateReceiveCount)));
        throw new Error("the worker failed");
      },
    });
    await expect.poll(() => count(dlqUrl), { timeout: 10_000, interval: 200 }).toBe(1);
    await poller.stop();
    expect(receiveCounts).toEqual([1, 2, 3]);
    expect(await count(queueUrl)).toBe(0);
    const [dead] = (await client.send(new ReceiveMessageCommand({ QueueUrl: dlqUrl }))).Messages ?? [];
    expect(dead?.Body).toBe('{"job":"always-fails"}');
  });

  it("deletes only the records a partial batch response did not report as failed", async () => {
    const { queueUrl } = await queueWithDlq("partial", 30);
    await client.send(
      new SendMessageBatchCommand({
        QueueUrl: queueUrl,
        Entries: ["ok-1", "fail", "ok-2"].map((body, i) => ({ Id: String(i), MessageBody: body })),
      }),
    );
    const seen: string[] = [];
    const poller = startPoller({
      client,
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
    await expect.poll(() => seen.length, { timeout: 5000 }).toBe(3);
    await poller.stop();
    await expect.poll(() => count(queueUrl)).toBe(1);
  });

  it("answers a long poll as soon as a message arrives", async () => {
    const { QueueUrl } = await client.send(new CreateQueueCommand({ QueueName: "long-poll" }));
    const receiving = client.send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 10 }));
    await client.send(new SendMessageCommand({ QueueUrl, MessageBody: "hello" }));
    const started = Date.now();
    const { Messages } = await receiving;
    expect(Messages?.[0]?.Body).toBe("hello");
    expect(Date.now() - started).toBeLessThan(5000);
  });

  it("raises QueueDoesNotExist for an unknown queue", async () => {
    await expect(
      client.send(
        new SendMessageCommand({ QueueUrl: `${server.endpoint}/000000000000/missing`, MessageBody: "x" }),
      ),
    ).rejects.toBeInstanceOf(QueueDoesNotExist);
  });
});
