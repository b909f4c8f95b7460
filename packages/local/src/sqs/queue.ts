// One queue: its attributes (defaults and the checks SQS makes on them), its message counts,
// retention and receipt handles, and how a received message is shown. No registry, no I/O.
import { randomUUID } from "node:crypto";
import { ACCOUNT, REGION } from "../account";
import { invalidAttributeValue, invalidParameter, receiptHandleIsInvalid } from "./errors";
import { pick, type StoredMessage } from "./messages";

export const DEFAULT_ATTRIBUTES = {
  VisibilityTimeout: "30",
  MessageRetentionPeriod: "345600",
  MaximumMessageSize: "262144",
  DelaySeconds: "0",
  ReceiveMessageWaitTimeSeconds: "0",
};

export interface Queue {
  name: string;
  url: string;
  arn: string;
  attributes: Record<string, string>;
  createdAt: number;
  messages: StoredMessage[];
}

export interface RedrivePolicy {
  deadLetterTargetArn: string;
  maxReceiveCount: number;
}

export function newQueue(endpoint: string, name: string, attributes: Record<string, string>): Queue {
  if (!/^[A-Za-z0-9_-]{1,80}$/.test(name))
    throw invalidParameter(
      "Can only include alphanumeric characters, hyphens, or underscores. 1 to 80 in length",
    );
  return {
    name,
    url: `${endpoint}/${ACCOUNT}/${name}`,
    arn: `arn:aws:sqs:${REGION}:${ACCOUNT}:${name}`,
    attributes: checkedQueueAttributes(attributes),
    createdAt: Date.now(),
    messages: [],
  };
}

/** A numeric attribute of the queue, or SQS's default for it. */
export const setting = (queue: Queue, attribute: keyof typeof DEFAULT_ATTRIBUTES) =>
  Number(queue.attributes[attribute] ?? DEFAULT_ATTRIBUTES[attribute]);

export const redrivePolicy = (queue: Queue): RedrivePolicy | undefined =>
  queue.attributes.RedrivePolicy ? JSON.parse(queue.attributes.RedrivePolicy) : undefined;

/** True if CreateQueue names an attribute with another value than the existing queue has. */
export const differs = (queue: Queue, attributes: Record<string, string>) =>
  Object.entries(attributes).some(
    ([key, value]) =>
      (queue.attributes[key] ?? DEFAULT_ATTRIBUTES[key as keyof typeof DEFAULT_ATTRIBUTES]) !== value,
  );

/** Drops messages past the queue's retention period, as SQS does. */
export function expire(queue: Queue, now: number) {
  const retentionMs = setting(queue, "MessageRetentionPeriod") * 1000;
  queue.messages = queue.messages.filter((m) => m.sentAt + retentionMs > now);
}

export function attributesOf(queue: Queue) {
  const now = Date.now();
  expire(queue, now);
  const waiting = (m: StoredMessage) => m.visibleAt > now;
  const count = (keep: (m: StoredMessage) => boolean) => String(queue.messages.filter(keep).length);
  return {
    ...DEFAULT_ATTRIBUTES,
    ...queue.attributes,
    QueueArn: queue.arn,
    CreatedTimestamp: String(Math.floor(queue.createdAt / 1000)),
    LastModifiedTimestamp: String(Math.floor(queue.createdAt / 1000)),
    ApproximateNumberOfMessages: count((m) => !waiting(m)),
    ApproximateNumberOfMessagesNotVisible: count((m) => waiting(m) && m.receiveCount > 0),
    ApproximateNumberOfMessagesDelayed: count((m) => waiting(m) && m.receiveCount === 0),
  };
}

/** A fresh handle per receive; it names its queue, so a handle of another queue is invalid. */
export const newReceiptHandle = (queue: Queue, message: StoredMessage) =>
  Buffer.from(`${queue.name}:${message.id}:${randomUUID()}`).toString("base64url");

/** The message a receipt handle names if that handle is still its latest one; throws if malformed. */
export function byReceiptHandle(queue: Queue, handle: unknown) {
  const parts =
    typeof handle === "string" ? Buffer.from(handle, "base64url").toString("utf8").split(":") : [];
  if (parts.length !== 3 || parts[0] !== queue.name) throw receiptHandleIsInvalid(handle);
  return queue.messages.find((m) => m.receiptHandle === handle);
}

/** A message as ReceiveMessage returns it: attributes only when asked for by name. */
export function received(
  message: StoredMessage,
  systemAttributeNames: string[],
  messageAttributeNames: string[] | undefined,
) {
  const attributes = pick(
    {
      SenderId: ACCOUNT,
      SentTimestamp: String(message.sentAt),
      ApproximateReceiveCount: String(message.receiveCount),
      ApproximateFirstReceiveTimestamp: String(message.firstReceivedAt ?? message.sentAt),
    },
    systemAttributeNames,
  );
  const messageAttributes = pick(message.attributes, messageAttributeNames);
  return {
    MessageId: message.id,
    ReceiptHandle: message.receiptHandle,
    MD5OfBody: message.md5OfBody,
    Body: message.body,
    ...(Object.keys(attributes).length > 0 && { Attributes: attributes }),
    ...(Object.keys(messageAttributes).length > 0 && {
      MessageAttributes: messageAttributes,
      MD5OfMessageAttributes: message.md5OfAttributes,
    }),
  };
}

export function checkedVisibility(value: unknown) {
  const timeout = Number(value);
  if (!Number.isInteger(timeout) || timeout < 0 || timeout > 43_200)
    throw invalidParameter(
      `Value ${String(value)} for parameter VisibilityTimeout is invalid. Reason: Must be >= 0 and <= 43200.`,
    );
  return timeout;
}

/** Rejects what SQS rejects at CreateQueue/SetQueueAttributes, so a bad setup fails locally too. */
export function checkedQueueAttributes(attributes: Record<string, string>) {
  if (attributes.VisibilityTimeout !== undefined) checkedVisibility(attributes.VisibilityTimeout);
  if (attributes.RedrivePolicy !== undefined) {
    let policy: Partial<RedrivePolicy>;
    try {
      policy = JSON.parse(attributes.RedrivePolicy);
    } catch {
      throw invalidAttributeValue(
        "Invalid value for the parameter RedrivePolicy. Reason: Redrive policy is not a valid JSON map.",
      );
    }
    const count = Number(policy.maxReceiveCount);
    if (!policy.deadLetterTargetArn || !Number.isInteger(count) || count < 1 || count > 1000)
      throw invalidAttributeValue(
        "Value for parameter RedrivePolicy is invalid. Reason: Redrive policy needs deadLetterTargetArn and a maxReceiveCount from 1 to 1000.",
      );
  }
  return { ...attributes };
}
