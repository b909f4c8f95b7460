// The local SQS answers the unchanged SDK client as SQS does where the app relies on it:
// visibility and receipt handles, dead-lettering, redrive, long polling, digests and errors.
import {
  CreateQueueCommand,
  DeleteMessageCommand,
  GetQueueAttributesCommand,
  GetQueueUrlCommand,
  ListMessageMoveTasksCommand,
  QueueDoesNotExist,
  QueueNameExists,
  ReceiveMessageCommand,
  SendMessageBatchCommand,
  SendMessageCommand,
  SQSClient,
  StartMessageMoveTaskCommand,
  TooManyEntriesInBatchRequest,
} from "@aws-sdk/client-sqs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createQueueWithDlq } from "./redrive";
import { useLocalSqs } from "./testing";

const sqs = useLocalSqs();

let queues = 0;
const queueWithDlq = (maxReceiveCount = 2) =>
  createQueueWithDlq(sqs.client, `q${++queues}`, { visibilityTimeout: 30, maxReceiveCount });

const counts = async (QueueUrl: string) => {
  const { Attributes } = await sqs.client.send(
    new GetQueueAttributesCommand({
      QueueUrl,
      AttributeNames: ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
    }),
  );
  return {
    visible: Number(Attributes?.ApproximateNumberOfMessages),
    inFlight: Number(Attributes?.ApproximateNumberOfMessagesNotVisible),
  };
};

const receiveOne = async (
  QueueUrl: string | undefined,
  extra: Partial<ReceiveMessageCommand["input"]> = {},
) => (await sqs.client.send(new ReceiveMessageCommand({ QueueUrl, ...extra }))).Messages?.[0];

describe("the local SQS", () => {
  it("hides a received message until its visibility timeout and renews its receipt handle per receive", async () => {
    const { queueUrl } = await queueWithDlq(5);
    await sqs.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "job" }));

    const first = await receiveOne(queueUrl, { VisibilityTimeout: 1, MessageSystemAttributeNames: ["All"] });
    expect(first?.Attributes?.ApproximateReceiveCount).toBe("1");
    expect(await receiveOne(queueUrl)).toBeUndefined();
    expect(await counts(queueUrl)).toEqual({ visible: 0, inFlight: 1 });

    const second = await receiveOne(queueUrl, { WaitTimeSeconds: 5, MessageSystemAttributeNames: ["All"] });
    expect(second?.MessageId).toBe(first?.MessageId);
    expect(second?.ReceiptHandle).not.toBe(first?.ReceiptHandle);
    expect(second?.Attributes?.ApproximateReceiveCount).toBe("2");

    // As in SQS, a stale handle "succeeds" but deletes nothing; only the latest one deletes.
    await sqs.client.send(
      new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: first?.ReceiptHandle }),
    );
    expect(await counts(queueUrl)).toEqual({ visible: 0, inFlight: 1 });
    await sqs.client.send(
      new DeleteMessageCommand({ QueueUrl: queueUrl, ReceiptHandle: second?.ReceiptHandle }),
    );
    expect(await counts(queueUrl)).toEqual({ visible: 0, inFlight: 0 });
  });

  it("moves a message to the dead-letter queue on the receive after maxReceiveCount, and redrives it back", async () => {
    const { queueUrl, dlqUrl, dlqArn } = await queueWithDlq(2);
    await sqs.client.send(new SendMessageCommand({ QueueUrl: queueUrl, MessageBody: "poison" }));
    // VisibilityTimeout 0 makes each receive count at once, without waiting.
    expect((await receiveOne(queueUrl, { VisibilityTimeout: 0 }))?.Body).toBe("poison");
    expect((await receiveOne(queueUrl, { VisibilityTimeout: 0 }))?.Body).toBe("poison");
    expect(await receiveOne(queueUrl)).toBeUndefined();
    expect(await counts(dlqUrl)).toEqual({ visible: 1, inFlight: 0 });

    const { TaskHandle } = await sqs.client.send(new StartMessageMoveTaskCommand({ SourceArn: dlqArn }));
    expect(await counts(dlqUrl)).toEqual({ visible: 0, inFlight: 0 });
    const redriven = await receiveOne(queueUrl, { MessageSystemAttributeNames: ["ApproximateReceiveCount"] });
    expect(redriven?.Body).toBe("poison");
    expect(redriven?.Attributes?.ApproximateReceiveCount).toBe("1");
    const { Results } = await sqs.client.send(new ListMessageMoveTasksCommand({ SourceArn: dlqArn }));
    expect(Results?.[0]).toMatchObject({
      TaskHandle,
      Status: "COMPLETED",
      ApproximateNumberOfMessagesMoved: 1,
    });
  });

  it("answers a long poll as soon as a message arrives", async () => {
    const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: "long-poll" }));
    let answered = false;
    const receiving = sqs.client
      .send(new ReceiveMessageCommand({ QueueUrl, WaitTimeSeconds: 20 }))
      .finally(() => {
        answered = true;
      });
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(answered).toBe(false);
    await sqs.client.send(new SendMessageCommand({ QueueUrl, MessageBody: "hello" }));
    // The test's 5 s limit is far below the 20 s wait: only an early answer passes.
    expect((await receiving).Messages?.[0]?.Body).toBe("hello");
  }, 5_000);

  it("returns the digests AWS computes and attributes only when asked for", async () => {
    const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: "digests" }));
    const sent = await sqs.client.send(
      new SendMessageCommand({
        QueueUrl,
        // The SDK rejects a receive whose MD5OfBody does not match: non-ASCII proves UTF-8 bytes.
        MessageBody: "Küche fertig 🏠",
        MessageAttributes: { timestamp: { DataType: "Number", StringValue: "1493147359900" } },
      }),
    );
    // The digest moto's suite pins as AWS's for this attribute.
    expect(sent.MD5OfMessageAttributes).toBe("235c5c510d26fb653d073faed50ae77c");

    const bare = await receiveOne(QueueUrl, { VisibilityTimeout: 0 });
    expect(bare?.Body).toBe("Küche fertig 🏠");
    expect(bare?.Attributes).toBeUndefined();
    expect(bare?.MessageAttributes).toBeUndefined();

    const full = await receiveOne(QueueUrl, {
      MessageSystemAttributeNames: ["SentTimestamp", "ApproximateReceiveCount"],
      MessageAttributeNames: ["All"],
    });
    expect(Object.keys(full?.Attributes ?? {}).sort()).toEqual(["ApproximateReceiveCount", "SentTimestamp"]);
    expect(full?.MessageAttributes?.timestamp?.StringValue).toBe("1493147359900");
    expect(full?.MD5OfMessageAttributes).toBe("235c5c510d26fb653d073faed50ae77c");
  });

  it("reports a bad entry of a batch without failing the others, and refuses batches over 10", async () => {
    const { QueueUrl } = await sqs.client.send(new CreateQueueCommand({ QueueName: "batches" }));
    const result = await sqs.client.send(
      new SendMessageBatchCommand({
        QueueUrl,
        Entries: [
          { Id: "ok", MessageBody: "fine" },
          { Id: "bad", MessageBody: "control \u0001 character" },
        ],
      }),
    );
    expect(result.Successful?.map((e) => e.Id)).toEqual(["ok"]);
    expect(result.Failed).toEqual([expect.objectContaining({ Id: "bad", Code: "InvalidMessageContents" })]);

    const eleven = Array.from({ length: 11 }, (_, i) => ({ Id: `m${i}`, MessageBody: "x" }));
    await expect(
      sqs.client.send(new SendMessageBatchCommand({ QueueUrl, Entries: eleven })),
    ).rejects.toBeInstanceOf(TooManyEntriesInBatchRequest);
  });

  it("raises the SDK's exceptions for a missing queue and a conflicting CreateQueue", async () => {
    const missing = `${sqs.endpoint}/000000000000/missing`;
    await expect(
      sqs.client.send(new SendMessageCommand({ QueueUrl: missing, MessageBody: "x" })),
    ).rejects.toBeInstanceOf(QueueDoesNotExist);
    await expect(sqs.client.send(new GetQueueUrlCommand({ QueueName: "missing" }))).rejects.toBeInstanceOf(
      QueueDoesNotExist,
    );
    await sqs.client.send(
      new CreateQueueCommand({ QueueName: "conflict", Attributes: { VisibilityTimeout: "5" } }),
    );
    await expect(
      sqs.client.send(
        new CreateQueueCommand({ QueueName: "conflict", Attributes: { VisibilityTimeout: "6" } }),
      ),
    ).rejects.toBeInstanceOf(QueueNameExists);
  });
});
