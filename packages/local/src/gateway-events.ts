// The Lambda events API Gateway's WebSocket API sends to $connect, $default and $disconnect,
// built from what the local gateway knows of a connection. Shapes only: no I/O here.
import { randomBytes } from "node:crypto";
import type { IncomingMessage } from "node:http";
import type { APIGatewayProxyWebsocketEventV2 } from "aws-lambda";

/** What handlers receive: API Gateway's event, with the $connect request's query and headers. */
export type WebSocketEvent = APIGatewayProxyWebsocketEventV2 & {
  requestContext: {
    identity: { sourceIp: string; userAgent: string | null };
    disconnectStatusCode?: number;
    disconnectReason?: string;
  };
  queryStringParameters?: Record<string, string>;
  multiValueQueryStringParameters?: Record<string, string[]>;
  headers?: Record<string, string>;
  multiValueHeaders?: Record<string, string[]>;
};

export interface ConnectionInfo {
  connectionId: string;
  connectedAt: number;
  sourceIp: string;
  userAgent: string | null;
  domainName: string;
  /** API Gateway's stage and API id, as the events carry them. */
  stage: string;
  apiId: string;
}

/** API Gateway ids are 16 base64 characters, such as `XfGLwFTktjMFsLg=`. */
export const newId = () => randomBytes(11).toString("base64");

export function connectEvent(info: ConnectionInfo, req: IncomingMessage): WebSocketEvent {
  const query = new URL(req.url ?? "/", "http://local").searchParams;
  const multiQuery: Record<string, string[]> = {};
  for (const [name, value] of query) (multiQuery[name] ??= []).push(value);
  // Header names keep the case the client sent, as in API Gateway's events.
  const multiHeaders: Record<string, string[]> = {};
  for (let i = 0; i + 1 < req.rawHeaders.length; i += 2) {
    const name = req.rawHeaders[i] ?? "";
    (multiHeaders[name] ??= []).push(req.rawHeaders[i + 1] ?? "");
  }
  return {
    requestContext: context(info, "$connect", "CONNECT"),
    headers: Object.fromEntries(
      Object.entries(multiHeaders).map(([name, values]) => [name, values.join(",")]),
    ),
    multiValueHeaders: multiHeaders,
    ...(query.size > 0 && {
      queryStringParameters: Object.fromEntries(
        Object.entries(multiQuery).map(([name, values]) => [name, values.at(-1) ?? ""]),
      ),
      multiValueQueryStringParameters: multiQuery,
    }),
    isBase64Encoded: false,
  };
}

/** Every frame goes to $default: the app routes on `action` itself and defines no other route. */
export function messageEvent(info: ConnectionInfo, body: string): WebSocketEvent {
  return {
    requestContext: { ...context(info, "$default", "MESSAGE"), messageId: newId() },
    body,
    isBase64Encoded: false,
  };
}

export function disconnectEvent(info: ConnectionInfo, code: number, reason: string): WebSocketEvent {
  return {
    requestContext: {
      ...context(info, "$disconnect", "DISCONNECT"),
      disconnectStatusCode: code,
      disconnectReason: reason,
    },
    isBase64Encoded: false,
  };
}

function context(info: ConnectionInfo, routeKey: string, eventType: "CONNECT" | "MESSAGE" | "DISCONNECT") {
  const now = new Date();
  const requestId = newId();
  return {
    routeKey,
    eventType,
    // API Gateway sends messageId: null outside MESSAGE events; @types/aws-lambda says string.
    messageId: null as unknown as string,
    extendedRequestId: requestId,
    requestId,
    requestTime: requestTime(now),
    requestTimeEpoch: now.getTime(),
    messageDirection: "IN" as const,
    stage: info.stage,
    apiId: info.apiId,
    connectedAt: info.connectedAt,
    connectionId: info.connectionId,
    domainName: info.domainName,
    identity: { sourceIp: info.sourceIp, userAgent: info.userAgent },
  };
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** `13/Dec/2020:10:17:47 +0000`, API Gateway's requestTime format. */
function requestTime(date: Date) {
  const two = (n: number) => String(n).padStart(2, "0");
  return `${two(date.getUTCDate())}/${MONTHS[date.getUTCMonth()]}/${date.getUTCFullYear()}:${two(date.getUTCHours())}:${two(date.getUTCMinutes())}:${two(date.getUTCSeconds())} +0000`;
}
