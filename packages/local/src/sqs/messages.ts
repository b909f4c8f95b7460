// One SQS message as the local queue keeps it, and the digests SQS returns for it: the SDK
// checks MD5OfBody on every receive, so these must be byte-exact with AWS.
import { createHash } from "node:crypto";
import { invalidMessageContents, invalidParameter } from "./errors";

/** A message attribute on the wire (JSON protocol: binary values are base64). */
export interface MessageAttributeValue {
  DataType: string;
  StringValue?: string;
  BinaryValue?: string;
}

export interface StoredMessage {
  id: string;
  body: string;
  md5OfBody: string;
  attributes: Record<string, MessageAttributeValue>;
  md5OfAttributes?: string;
  sentAt: number;
  firstReceivedAt?: number;
  receiveCount: number;
  /** Invisible (delayed or in flight) until then. */
  visibleAt: number;
  /** The handle of the latest receive; older handles no longer act on the message. */
  receiptHandle?: string;
}

/** SQS accepts only XML 1.0 characters in bodies and string attribute values. */
const INVALID_CHARACTERS = /[^\u0009\u000A\u000D\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;

const md5Hex = (data: Buffer | string) => createHash("md5").update(data).digest("hex");

export function newMessage(
  id: string,
  body: string,
  attributes: Record<string, MessageAttributeValue> | undefined,
  visibleAt: number,
): StoredMessage {
  if (INVALID_CHARACTERS.test(body)) throw invalidMessageContents();
  const checked = checkAttributes(attributes ?? {});
  return {
    id,
    body,
    md5OfBody: md5Hex(body),
    attributes: checked,
    md5OfAttributes: Object.keys(checked).length > 0 ? md5OfAttributes(checked) : undefined,
    sentAt: Date.now(),
    receiveCount: 0,
    visibleAt,
  };
}

function checkAttributes(attributes: Record<string, MessageAttributeValue>) {
  if (Object.keys(attributes).length > 10)
    throw invalidParameter("Number of message attributes [11] exceeds the allowed maximum [10].");
  for (const [name, value] of Object.entries(attributes)) {
    const type = value.DataType ?? "";
    const isBinary = type.startsWith("Binary");
    if (!/^(String|Number|Binary)(\..+)?$/.test(type))
      throw invalidParameter(`The type of message (user) attribute '${name}' is invalid.`);
    if (isBinary ? !value.BinaryValue : value.StringValue === undefined || value.StringValue === "")
      throw invalidParameter(
        `Message (user) attribute '${name}' must contain a non-empty value of type '${type}'.`,
      );
    if (!isBinary && INVALID_CHARACTERS.test(value.StringValue ?? "")) throw invalidMessageContents();
  }
  return attributes;
}

/**
 * AWS's digest of message attributes: for each attribute in name order, the name, the data type
 * and the value, each prefixed with its 4-byte big-endian length, plus a transport byte
 * (1 = string, 2 = binary) before the value.
 */
export function md5OfAttributes(attributes: Record<string, MessageAttributeValue>) {
  const parts: Buffer[] = [];
  const withLength = (bytes: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(bytes.length);
    parts.push(length, bytes);
  };
  for (const name of Object.keys(attributes).sort()) {
    const value = attributes[name];
    if (!value) continue;
    withLength(Buffer.from(name, "utf8"));
    withLength(Buffer.from(value.DataType, "utf8"));
    if (value.DataType.startsWith("Binary")) {
      parts.push(Buffer.from([2]));
      withLength(Buffer.from(value.BinaryValue ?? "", "base64"));
    } else {
      parts.push(Buffer.from([1]));
      withLength(Buffer.from(value.StringValue ?? "", "utf8"));
    }
  }
  return md5Hex(Buffer.concat(parts));
}

/** The attributes a receive asked for by name (`All` or `.*` for every one, `prefix.*` by prefix). */
export function pick<T>(values: Record<string, T>, requested: readonly string[] | undefined) {
  const wanted = (name: string) =>
    (requested ?? []).some(
      (pattern) =>
        pattern === "All" ||
        pattern === ".*" ||
        pattern === name ||
        (pattern.endsWith(".*") && name.startsWith(pattern.slice(0, -1))),
    );
  return Object.fromEntries(Object.entries(values).filter(([name]) => wanted(name)));
}
