// The queues and their operations, kept apart from the HTTP framing in server.ts.
import { createHash, randomUUID } from "node:crypto";

const ACCOUNT = "000000000000";
const REGION = "us-east-1";
const MAX_WAIT_SECONDS = 20;

export class SqsError extends Error {
  constructor(
    readonly queryCode: string,
    readonly type: string,
    message: string,
  ) {
    super(message);
  }
}

interface Message {
  id: string;
  body: string;
  md5: string;
  attributes?: Record<string, unknown>;
  sentAt: number;
  firstReceivedAt?: number;
  receiveCount: number;
  visibleAt: number;
  receiptHandle?: string;
}

interface Queue {
  name: string;
  url: string;
  arn: string;
  attributes: Record<string, string>;
  messages: Message[];
}

type Input = Record<string, unknown> & { QueueUrl?: string };

const md5 = (value: string) => createHash("md5").update(value).digest("hex");

export function queueOperations(endpoint: () => string) {
  const queues = new Map<string, Queue>();
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of waiters) waiter();
  };
  // Invisible messages become visible with time, not with a request: re-check waiting receivers.
  const ticker = setInterval(wake, 50);
  ticker.unref();

  const byUrl = (url: unknown) => {
    const name = typeof url === "string" ? url.split("/").pop() : undefined;
    const queue = name ? queues.get(name) : undefined;
    if (!queue)
      throw new SqsError(
        "AWS.SimpleQueueService.NonExistentQueue",
        "QueueDoesNotExist",
        "The specified queue does not exist.",
      );
    return queue;
  };
  const byArn = (arn: string) => [...queues.values()].find((q) => q.arn === arn);
  const visibility = (queue: Queue) => Number(queue.attributes.VisibilityTimeout ?? 30);
  const redrive = (queue: Queue) =>
    queue.attributes.RedrivePolicy
      ? (JSON.parse(queue.attributes.RedrivePolicy) as {
          deadLetterTargetArn: string;
          maxReceiveCount: number | string;
        })
      : undefined;

  const enqueue = (queue: Queue, body: string, delaySeconds = 0): Message => {
    const message: Message = {
      id: randomUUID(),
      body,
      md5: md5(body),
      sentAt: Date.now(),
      receiveCount: 0,
      visibleAt: Date.now() + delaySeconds * 1000,
    };
    queue.messages.push(message);
    wake();
    return message;
  };

  /** Takes visible messages, dead-lettering those already received maxReceiveCount times. */
  const take = (queue: Queue, max: number, visibilitySeconds: number): Message[] => {
    const now = Date.now();
    const policy = redrive(queue);
    const taken: Message[] = [];
    for (const message of [...queue.messages]) {
      if (taken.length >= max) break;
      if (message.visibleAt > now) continue;
      const dlq = policy ? byArn(policy.deadLetterTargetArn) : undefined;
      if (policy && dlq && message.receiveCount >= Number(policy.maxReceiveCount)) {
        queue.messages.splice(queue.messages.indexOf(message), 1);
        dlq.messages.push({ ...message, visibleAt: now, receiptHandle: undefined });
        continue;
      }
      message.receiveCount += 1;
      message.firstReceivedAt ??= now;
      message.visibleAt = now + visibilitySeconds * 1000;
      message.receiptHandle = `${message.id}:${randomUUID()}`;
      taken.push(message);
    }
    return taken;
  };

  const findByHandle = (queue: Queue, handle: unknown) => {
    const message = queue.messages.find((m) => m.receiptHandle === handle);
    if (!message)
      throw new SqsError(
        "ReceiptHandleIsInvalid",
        "ReceiptHandleIsInvalid",
        "The receipt handle is not valid.",
      );
    return message;
  };

  const attributesOf = (queue: Queue) => {
    const now = Date.now();
    return {
      ...queue.attributes,
      QueueArn: queue.arn,
      ApproximateNumberOfMessages: String(queue.messages.filter((m) => m.visibleAt <= now).length),
      ApproximateNumberOfMessagesNotVisible: String(queue.messages.filter((m) => m.visibleAt > now).length),
      ApproximateNumberOfMessagesDelayed: "0",
      VisibilityTimeout: String(visibility(queue)),
    };
  };

  const sendEntry = (queue: Queue, entry: Input) => {
    const body = String(entry.MessageBody ?? "");
    if (!body)
      throw new SqsError(
        "MissingParameter",
        "MissingParameter",
        "The request must contain the parameter MessageBody.",
      );
    const message = enqueue(queue, body, Number(entry.DelaySeconds ?? 0));
    return { MessageId: message.id, MD5OfMessageBody: message.md5 };
  };

  return {
    CreateQueue: (input: { QueueName?: string; Attributes?: Record<string, string> }) => {
      const name = input.QueueName ?? "";
      if (!/^[A-Za-z0-9_-]{1,80}$/.test(name))
        throw new SqsError("InvalidParameterValue", "InvalidParameterValue", "Invalid queue name.");
      const existing = queues.get(name);
      if (existing) return { QueueUrl: existing.url };
      const queue: Queue = {
        name,
        url: `${endpoint()}/${ACCOUNT}/${name}`,
        arn: `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`,
        attributes: { VisibilityTimeout: "30", MessageRetentionPeriod: "345600", ...input.Attributes },
        messages: [],
      };
      queues.set(name, queue);
      return { QueueUrl: queue.url };
    },
    GetQueueUrl: (input: { QueueName?: string }) => {
      const queue = queues.get(input.QueueName ?? "");
      if (!queue)
        throw new SqsError(
          "AWS.SimpleQueueService.NonExistentQueue",
          "QueueDoesNotExist",
          "The specified queue does not exist.",
        );
      return { QueueUrl: queue.url };
    },
    ListQueues: (input: { QueueNamePrefix?: string }) => ({
      QueueUrls: [...queues.values()]
        .filter((q) => q.name.startsWith(input.QueueNamePrefix ?? ""))
        .map((q) => q.url),
    }),
    GetQueueAttributes: (input: Input) => ({ Attributes: attributesOf(byUrl(input.QueueUrl)) }),
    SetQueueAttributes: (input: Input & { Attributes?: Record<string, string> }) => {
      Object.assign(byUrl(input.QueueUrl).attributes, input.Attributes);
      return {};
    },
    PurgeQueue: (input: Input) => {
      byUrl(input.QueueUrl).messages = [];
      return {};
    },
    SendMessage: (input: Input) => sendEntry(byUrl(input.QueueUrl), input),
    SendMessageBatch: (input: Input & { Entries?: Input[] }) => {
      const queue = byUrl(input.QueueUrl);
      return {
        Successful: (input.Entries ?? []).map((entry) => ({ Id: entry.Id, ...sendEntry(queue, entry) })),
        Failed: [],
      };
    },
    ReceiveMessage: async (
      input: Input & { MaxNumberOfMessages?: number; WaitTimeSeconds?: number; VisibilityTimeout?: number },
    ) => {
      const queue = byUrl(input.QueueUrl);
      const max = Math.min(Math.max(Number(input.MaxNumberOfMessages ?? 1), 1), 10);
      const vis = Number(input.VisibilityTimeout ?? visibility(queue));
      const waitMs = Math.min(Number(input.WaitTimeSeconds ?? 0), MAX_WAIT_SECONDS) * 1000;
      let taken = take(queue, max, vis);
      if (taken.length === 0 && waitMs > 0) {
        taken = await new Promise<Message[]>((resolve) => {
          const done = (messages: Message[]) => {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(messages);
          };
          const check = () => {
            if (!queues.has(queue.name)) return done([]);
            const found = take(queue, max, vis);
            if (found.length > 0) done(found);
          };
          const timer = setTimeout(() => done([]), waitMs);
          waiters.add(check);
        });
      }
      return {
        Messages: taken.map((m) => ({
          MessageId: m.id,
          ReceiptHandle: m.receiptHandle,
          MD5OfBody: m.md5,
          Body: m.body,
          Attributes: {
            ApproximateReceiveCount: String(m.receiveCount),
            SentTimestamp: String(m.sentAt),
            ApproximateFirstReceiveTimestamp: String(m.firstReceivedAt ?? m.sentAt),
            SenderId: ACCOUNT,
          },
        })),
      };
    },
    DeleteMessage: (input: Input & { ReceiptHandle?: string }) => {
      const queue = byUrl(input.QueueUrl);
      const message = findByHandle(queue, input.ReceiptHandle);
      queue.messages.splice(queue.messages.indexOf(message), 1);
      return {};
    },
    DeleteMessageBatch: (input: Input & { Entries?: { Id: string; ReceiptHandle: string }[] }) => {
      const queue = byUrl(input.QueueUrl);
      const Successful: { Id: string }[] = [];
      const Failed: { Id: string; Code: string; SenderFault: boolean; Message: string }[] = [];
      for (const entry of input.Entries ?? []) {
        const message = queue.messages.find((m) => m.receiptHandle === entry.ReceiptHandle);
        if (!message) {
          Failed.push({
            Id: entry.Id,
            Code: "ReceiptHandleIsInvalid",
            SenderFault: true,
            Message: "Invalid receipt handle",
          });
          continue;
        }
        queue.messages.splice(queue.messages.indexOf(message), 1);
        Successful.push({ Id: entry.Id });
      }
      return { Successful, Failed };
    },
    ChangeMessageVisibility: (input: Input & { ReceiptHandle?: string; VisibilityTimeout?: number }) => {
      const queue = byUrl(input.QueueUrl);
      findByHandle(queue, input.ReceiptHandle).visibleAt =
        Date.now() + Number(input.VisibilityTimeout ?? 0) * 1000;
      wake();
      return {};
    },
    /** Moves every message of a dead-letter queue back to its source queue (or DestinationArn). */
    StartMessageMoveTask: (input: { SourceArn?: string; DestinationArn?: string }) => {
      const source = byArn(input.SourceArn ?? "");
      if (!source)
        throw new SqsError(
          "ResourceNotFoundException",
          "ResourceNotFoundException",
          "Source queue not found.",
        );
      const destination = input.DestinationArn
        ? byArn(input.DestinationArn)
        : [...queues.values()].find((q) => redrive(q)?.deadLetterTargetArn === source.arn);
      if (!destination)
        throw new SqsError("ResourceNotFoundException", "ResourceNotFoundException", "No destination queue.");
      for (const message of source.messages.splice(0)) enqueue(destination, message.body);
      return { TaskHandle: randomUUID() };
    },
    close: () => {
      clearInterval(ticker);
      queues.clear();
      wake();
    },
  };
}
