// The local API Gateway WebSocket API: calls the same $connect/$disconnect/$default handlers
// with API Gateway's events, serves the @connections management API the SDK client talks to
// (410 GoneException once a connection is closed) and enforces API Gateway's limits.
import { createServer, type IncomingMessage, type ServerResponse, STATUS_CODES } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { type RawData, WebSocket, WebSocketServer } from "ws";
import { ACCOUNT, REGION } from "./account";
import { type Authorize, accessKeyOf } from "./authorize";
import {
  type ConnectionInfo,
  connectEvent,
  disconnectEvent,
  messageEvent,
  newId,
  type WebSocketEvent,
} from "./gateway-events";

export type { WebSocketEvent } from "./gateway-events";

export type WebSocketHandler = (
  event: WebSocketEvent,
) => Promise<{ statusCode?: number; body?: string } | undefined | void>;

export interface GatewayLimits {
  /** API Gateway's maximum message size, either way: 128 KB. Larger client messages close with 1009. */
  maxMessageBytes?: number;
  /** Closed (1001) after this long without a message either way. API Gateway: 10 minutes. */
  idleTimeoutMs?: number;
  /** Closed (1001) after this long in any case. API Gateway: 2 hours. */
  maxConnectionMs?: number;
}

export interface GatewayOptions {
  /** 0 or omitted: a free port. Give the previous port to restart where clients reconnect. */
  port?: number;
  handlers: { connect: WebSocketHandler; disconnect: WebSocketHandler; default: WebSocketHandler };
  /** Added to every @connections POST, to stand in for API Gateway's own latency. */
  postLatencyMs?: number;
  limits?: GatewayLimits;
  /** The stage and API id the events carry (default `local`); management calls may start with `/{stage}`. */
  stage?: string;
  apiId?: string;
  /** Asked before every @connections call (the rehearsal's IAM check); omitted: anyone may. */
  authorize?: Authorize;
}

export interface Gateway {
  /** ws://127.0.0.1:port, where browsers connect. */
  url: string;
  /** http://127.0.0.1:port, the endpoint of ApiGatewayManagementApiClient. */
  managementEndpoint: string;
  connectionCount(): number;
  /** Closes every socket (1001), waits for their $disconnect handlers, frees the port. */
  stop(): Promise<void>;
}

interface Connection extends ConnectionInfo {
  socket: WebSocket;
  lastActiveAt: number;
  /** Marks traffic either way, which restarts the idle timer. */
  touch(): void;
  /** Handler calls of this connection, in order: $disconnect runs after its last message. */
  queue: Promise<unknown>;
  closed: Promise<void>;
}

const CLOSE_GRACE_MS = 1_000;

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const maxMessageBytes = options.limits?.maxMessageBytes ?? 128 * 1024;
  const idleTimeoutMs = options.limits?.idleTimeoutMs ?? 10 * 60_000;
  const maxConnectionMs = options.limits?.maxConnectionMs ?? 2 * 3600_000;
  const connections = new Map<string, Connection>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  // A request aborted mid-body has no one left to answer.
  const server = createServer((req, res) => void manage(req, res).catch(() => res.destroy()));
  let domainName = "";
  let stopping = false;
  const { stage = "local", apiId = "local" } = options;

  server.on(
    "upgrade",
    (req: IncomingMessage, socket: Duplex, head: Buffer) => void upgrade(req, socket, head),
  );

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const info: ConnectionInfo = {
      connectionId: newId(),
      connectedAt: Date.now(),
      sourceIp: req.socket.remoteAddress ?? "127.0.0.1",
      userAgent: req.headers["user-agent"] ?? null,
      domainName,
      stage,
      apiId,
    };
    const result = await options.handlers.connect(connectEvent(info, req)).catch(() => ({ statusCode: 500 }));
    const status = result?.statusCode ?? 200;
    if (stopping) return socket.destroy();
    if (status < 200 || status > 299) {
      // API Gateway answers the upgrade itself with the $connect route's status.
      socket.end(
        `HTTP/1.1 ${status} ${STATUS_CODES[status] ?? ""}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, info));
  }

  function accept(socket: WebSocket, info: ConnectionInfo) {
    let idleTimer = setTimeout(() => socket.close(1001, "Idle timeout"), idleTimeoutMs);
    const ageTimer = setTimeout(() => socket.close(1001, "Maximum connection duration"), maxConnectionMs);
    const connection: Connection = {
      ...info,
      socket,
      lastActiveAt: Date.now(),
      touch: () => {
        connection.lastActiveAt = Date.now();
        clearTimeout(idleTimer);
        idleTimer = setTimeout(() => socket.close(1001, "Idle timeout"), idleTimeoutMs);
      },
      queue: Promise.resolve(),
      closed: new Promise((resolve) => socket.once("close", () => resolve())),
    };
    const enqueue = (call: () => Promise<unknown>) => {
      connection.queue = connection.queue.then(call).catch(() => undefined);
    };
    connections.set(info.connectionId, connection);

    socket.on("message", (data: RawData) => {
      connection.touch();
      // With ws's default binaryType a message is one Buffer, however many frames it came in.
      enqueue(() => options.handlers.default(messageEvent(info, String(data))));
    });
    // An oversized message raises an error, then ws closes with 1009; the close cleans up.
    socket.on("error", () => undefined);
    socket.on("close", (code: number, reason: Buffer) => {
      clearTimeout(idleTimer);
      clearTimeout(ageTimer);
      connections.delete(info.connectionId);
      enqueue(() => options.handlers.disconnect(disconnectEvent(info, code, reason.toString("utf8"))));
    });
  }

  /** The @connections API, as ApiGatewayManagementApiClient calls it. */
  async function manage(req: IncomingMessage, res: ServerResponse) {
    const body = await readBody(req);
    // The SDK's endpoint is https://{api}.execute-api…/{stage}: paths may start with the stage.
    const match = /^(?:\/[^/@]+)?\/@connections\/([^/?]+)\/?(?:\?.*)?$/.exec(req.url ?? "");
    if (!match?.[1]) return reply(res, 404, { message: "Not Found" });
    const denial = options.authorize?.({
      accessKeyId: accessKeyOf(req),
      action: "execute-api:ManageConnections",
      resource: `arn:aws:execute-api:${REGION}:${ACCOUNT}:${apiId}/${stage}/${req.method}/@connections/${match[1]}`,
    });
    if (denial) return reply(res, 403, { message: denial }, "ForbiddenException");
    if (req.method === "POST" && options.postLatencyMs) await sleep(options.postLatencyMs);
    const connection = connections.get(decodeURIComponent(match[1]));
    // 410: the socket is closed or closing; the sender should forget this connection.
    if (!connection || connection.socket.readyState !== WebSocket.OPEN)
      return reply(res, 410, { message: "Gone" }, "GoneException");

    if (req.method === "POST") {
      if (body.length > maxMessageBytes)
        return reply(res, 413, { message: "Message too long" }, "PayloadTooLargeException");
      connection.touch();
      connection.socket.send(body.toString("utf8"));
      return reply(res, 200);
    }
    if (req.method === "GET") {
      // Field names and ISO timestamps as the SDK's deserializer reads them (jsonName traits).
      return reply(res, 200, {
        connectedAt: new Date(connection.connectedAt).toISOString(),
        lastActiveAt: new Date(connection.lastActiveAt).toISOString(),
        identity: { sourceIp: connection.sourceIp, userAgent: connection.userAgent ?? "" },
      });
    }
    if (req.method === "DELETE") {
      connection.socket.close(1000, "Closed by the server");
      return reply(res, 204);
    }
    return reply(res, 405, { message: "Method Not Allowed" });
  }

  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  domainName = `127.0.0.1:${port}`;
  return {
    url: `ws://127.0.0.1:${port}`,
    managementEndpoint: `http://127.0.0.1:${port}`,
    connectionCount: () => connections.size,
    stop: async () => {
      stopping = true;
      // No new connections from here; the listener is gone once the open sockets are.
      const released = new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeIdleConnections();
      const open = [...connections.values()];
      for (const { socket } of open) socket.close(1001, "Going away");
      // Clients normally answer the close at once; a silent one is cut off after a grace period.
      const cutOff = setTimeout(() => {
        for (const { socket } of open) socket.terminate();
      }, CLOSE_GRACE_MS);
      await Promise.all(open.map((c) => c.closed));
      clearTimeout(cutOff);
      await Promise.all(open.map((c) => c.queue));
      server.closeAllConnections();
      await released;
      wss.close();
    },
  };
}

function reply(res: ServerResponse, status: number, body?: unknown, errorType?: string) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
  // The SDK picks the exception class from this header.
  if (errorType) headers["x-amzn-ErrorType"] = errorType;
  res.writeHead(status, headers);
  res.end(body === undefined ? undefined : JSON.stringify(body));
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
