// The queues and their operations, apart from the HTTP framing in server.ts. Semantics follow
// standard SQS queues: visibility timeout, receipt handles renewed per receive, receive counts,
// dead-lettering on the receive after maxReceiveCount, retention, long polling. No FIFO.
import { randomUUID } from "node:crypto";
import {
  batchIdsNotDistinct,
  emptyBatch,
  invalidParameter,
  messageNotInflight,
  missingParameter,
  queueDoesNotExist,
  queueNameExists,
  resourceNotFound,
  SqsError,
  tooManyEntries,
} from "./errors";
import { type MessageAttributeValue, newMessage, pick, type StoredMessage } from "./messages";
import {
  attributesOf,
  byReceiptHandle,
  checkedQueueAttributes,
  checkedVisibility,
  differs,
  expire,
  newQueue,
  newReceiptHandle,
  type Queue,
  received,
  redrivePolicy,
  setting,
} from "./queue";

const MAX_WAIT_SECONDS = 20;

type Entry = Record<string, unknown> & { Id?: string };

interface MoveTask {
  TaskHandle: string;
  SourceArn: string;
  DestinationArn: string;
  moved: number;
  startedAt: number;
}

export function queueOperations(endpoint: () => string) {
  const queues = new Map<string, Queue>();
  const moveTasks: MoveTask[] = [];
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of waiters) waiter();
  };
  // Messages become visible with time, not with a request: waiting receivers re-check often.
  const ticker = setInterval(wake, 50);
  ticker.unref();

  const byUrl = (url: unknown) => {
    const queue = queues.get(String(url ?? "").slice(String(url ?? "").lastIndexOf("/") + 1));
    if (!queue) throw queueDoesNotExist();
    return queue;
  };
  const byArn = (arn: unknown) => [...queues.values()].find((q) => q.arn === arn);

  const enqueue = (queue: Queue, entry: Entry) => {
    if (typeof entry.MessageBody !== "string" || entry.MessageBody === "")
      throw missingParameter("MessageBody");
    const maxBytes = setting(queue, "MaximumMessageSize");
    if (Buffer.byteLength(entry.MessageBody) > maxBytes)
      throw invalidParameter(
        `One or more parameters are invalid. Reason: Message must be shorter than ${maxBytes} bytes.`,
      );
    const delay = Number(entry.DelaySeconds ?? setting(queue, "DelaySeconds"));
    const message = newMessage(
      randomUUID(),
      entry.MessageBody,
      entry.MessageAttributes as Record<string, MessageAttributeValue> | undefined,
      Date.now() + delay * 1000,
    );
    queue.messages.push(message);
    wake();
    return {
      MessageId: message.id,
      MD5OfMessageBody: message.md5OfBody,
      ...(message.md5OfAttributes && { MD5OfMessageAttributes: message.md5OfAttributes }),
    };
  };

  /** Takes visible messages, dead-lettering those already received maxReceiveCount times. */
  const take = (queue: Queue, max: number, visibilitySeconds: number) => {
    const now = Date.now();
    expire(queue, now);
    const policy = redrivePolicy(queue);
    const deadLetters = policy && byArn(policy.deadLetterTargetArn);
    const taken: StoredMessage[] = [];
    for (const message of [...queue.messages]) {
      if (taken.length >= max) break;
      if (message.visibleAt > now) continue;
      if (policy && deadLetters && message.receiveCount >= Number(policy.maxReceiveCount)) {
        queue.messages.splice(queue.messages.indexOf(message), 1);
        // Keeps its id, timestamps and count; retention still runs from the first send.
        deadLetters.messages.push({ ...message, visibleAt: now, receiptHandle: undefined });
        continue;
      }
      message.receiveCount += 1;
      message.firstReceivedAt ??= now;
      message.visibleAt = now + visibilitySeconds * 1000;
      message.receiptHandle = newReceiptHandle(queue, message);
      taken.push(message);
    }
    return taken;
  };

  /** Waits up to `seconds` for messages, answering as soon as there are some. */
  const takeWaiting = (queue: Queue, max: number, visibilitySeconds: number, seconds: number) =>
    new Promise<StoredMessage[]>((resolve) => {
      const done = (messages: StoredMessage[]) => {
        waiters.delete(check);
        clearTimeout(timer);
        resolve(messages);
      };
      const check = () => {
        if (queues.get(queue.name) !== queue) return done([]);
        const found = take(queue, max, visibilitySeconds);
        if (found.length > 0) done(found);
      };
      const timer = setTimeout(() => done([]), seconds * 1000);
      waiters.add(check);
    });

  const deleteByHandle = (queue: Queue, handle: unknown) => {
    const message = byReceiptHandle(queue, handle);
    // A stale handle (the message was received again since) succeeds without deleting, as in SQS.
    if (message) queue.messages.splice(queue.messages.indexOf(message), 1);
  };

  /** Runs each entry of a batch; a failed entry is reported, the others still happen. */
  const batch = <T>(entries: unknown, run: (entry: Entry) => T) => {
    const list = (Array.isArray(entries) ? entries : []) as Entry[];
    if (list.length === 0) throw emptyBatch();
    if (list.length > 10) throw tooManyEntries(list.length);
    if (new Set(list.map((e) => e.Id)).size !== list.length) throw batchIdsNotDistinct();
    const Successful: (T & { Id: string })[] = [];
    const Failed: { Id: string; Code: string; SenderFault: boolean; Message: string }[] = [];
    for (const entry of list) {
      const Id = String(entry.Id ?? "");
      try {
        Successful.push({ Id, ...run(entry) });
      } catch (error) {
        if (!(error instanceof SqsError)) throw error;
        Failed.push({ Id, Code: error.type, SenderFault: true, Message: error.message });
      }
    }
    return { Successful, Failed };
  };

  const operations = {
    CreateQueue: (input: { QueueName?: string; Attributes?: Record<string, string> }) => {
      const name = input.QueueName ?? "";
      const existing = queues.get(name);
      if (existing) {
        if (differs(existing, checkedQueueAttributes(input.Attributes ?? {}))) throw queueNameExists(name);
        return { QueueUrl: existing.url };
      }
      const queue = newQueue(endpoint(), name, input.Attributes ?? {});
      queues.set(name, queue);
      return { QueueUrl: queue.url };
    },
    GetQueueUrl: (input: { QueueName?: string }) => {
      const queue = queues.get(input.QueueName ?? "");
      if (!queue) throw queueDoesNotExist();
      return { QueueUrl: queue.url };
    },
    ListQueues: (input: { QueueNamePrefix?: string }) => ({
      QueueUrls: [...queues.values()]
        .filter((q) => q.name.startsWith(input.QueueNamePrefix ?? ""))
        .map((q) => q.url),
    }),
    GetQueueAttributes: (input: { QueueUrl?: string; AttributeNames?: string[] }) => ({
      Attributes: pick(attributesOf(byUrl(input.QueueUrl)), input.AttributeNames),
    }),
    SetQueueAttributes: (input: { QueueUrl?: string; Attributes?: Record<string, string> }) => {
      Object.assign(byUrl(input.QueueUrl).attributes, checkedQueueAttributes(input.Attributes ?? {}));
      return {};
    },
    PurgeQueue: (input: { QueueUrl?: string }) => {
      byUrl(input.QueueUrl).messages = [];
      return {};
    },
    SendMessage: (input: Entry & { QueueUrl?: string }) => enqueue(byUrl(input.QueueUrl), input),
    SendMessageBatch: (input: { QueueUrl?: string; Entries?: unknown }) => {
      const queue = byUrl(input.QueueUrl);
      return batch(input.Entries, (entry) => enqueue(queue, entry));
    },
    ReceiveMessage: async (input: Record<string, unknown>) => {
      const queue = byUrl(input.QueueUrl);
      const max = Number(input.MaxNumberOfMessages ?? 1);
      if (!Number.isInteger(max) || max < 1 || max > 10)
        throw invalidParameter(
          `Value ${max} for parameter MaxNumberOfMessages is invalid. Reason: Must be between 1 and 10, if provided.`,
        );
      const visibility =
        input.VisibilityTimeout === undefined
          ? setting(queue, "VisibilityTimeout")
          : checkedVisibility(input.VisibilityTimeout);
      const wait = Number(input.WaitTimeSeconds ?? setting(queue, "ReceiveMessageWaitTimeSeconds"));
      if (!(wait >= 0 && wait <= MAX_WAIT_SECONDS))
        throw invalidParameter(
          `Value ${wait} for parameter WaitTimeSeconds is invalid. Reason: Must be >= 0 and <= 20, if provided.`,
        );
      let taken = take(queue, max, visibility);
      if (taken.length === 0 && wait > 0) taken = await takeWaiting(queue, max, visibility, wait);
      // Both name system attributes; AttributeNames is the older, deprecated one.
      const systemNames = [
        ...((input.MessageSystemAttributeNames as string[] | undefined) ?? []),
        ...((input.AttributeNames as string[] | undefined) ?? []),
      ];
      return {
        Messages: taken.map((m) =>
          received(m, systemNames, input.MessageAttributeNames as string[] | undefined),
        ),
      };
    },
    DeleteMessage: (input: { QueueUrl?: string; ReceiptHandle?: string }) => {
      deleteByHandle(byUrl(input.QueueUrl), input.ReceiptHandle);
      return {};
    },
    DeleteMessageBatch: (input: { QueueUrl?: string; Entries?: unknown }) => {
      const queue = byUrl(input.QueueUrl);
      return batch(input.Entries, (entry) => {
        deleteByHandle(queue, entry.ReceiptHandle);
        return {};
      });
    },
    ChangeMessageVisibility: (input: {
      QueueUrl?: string;
      ReceiptHandle?: string;
      VisibilityTimeout?: number;
    }) => {
      const message = byReceiptHandle(byUrl(input.QueueUrl), input.ReceiptHandle);
      if (!message || message.visibleAt <= Date.now()) throw messageNotInflight();
      message.visibleAt = Date.now() + checkedVisibility(input.VisibilityTimeout) * 1000;
      wake();
      return {};
    },
    /**
     * DLQ redrive: moves the dead-letter queue's visible messages to the queue that dead-letters
     * into it (or DestinationArn), all at once where SQS moves them over time.
     */
    StartMessageMoveTask: (input: { SourceArn?: string; DestinationArn?: string }) => {
      const source = byArn(input.SourceArn);
      if (!source)
        throw resourceNotFound("The resource that you specified for the SourceArn parameter doesn't exist.");
      const destination = input.DestinationArn
        ? byArn(input.DestinationArn)
        : [...queues.values()].find((q) => redrivePolicy(q)?.deadLetterTargetArn === source.arn);
      if (!destination)
        throw invalidParameter(
          "Source queue must be configured as a Dead Letter Queue, or give a DestinationArn.",
        );
      const now = Date.now();
      expire(source, now);
      const visible = source.messages.filter((m) => m.visibleAt <= now);
      source.messages = source.messages.filter((m) => m.visibleAt > now);
      for (const message of visible)
        enqueue(destination, { MessageBody: message.body, MessageAttributes: message.attributes });
      const TaskHandle = randomUUID();
      moveTasks.push({
        TaskHandle,
        SourceArn: source.arn,
        DestinationArn: destination.arn,
        moved: visible.length,
        startedAt: now,
      });
      return { TaskHandle };
    },
    ListMessageMoveTasks: (input: { SourceArn?: string }) => ({
      Results: moveTasks
        .filter((task) => task.SourceArn === input.SourceArn)
        .reverse()
        .map((task) => ({
          TaskHandle: task.TaskHandle,
          Status: "COMPLETED",
          SourceArn: task.SourceArn,
          DestinationArn: task.DestinationArn,
          ApproximateNumberOfMessagesMoved: task.moved,
          ApproximateNumberOfMessagesToMove: task.moved,
          StartedTimestamp: task.startedAt,
        })),
    }),
  };
  return {
    operations,
    /** Ends every long poll (with no messages) and forgets all queues. */
    close: () => {
      clearInterval(ticker);
      queues.clear();
      wake();
    },
  };
}
