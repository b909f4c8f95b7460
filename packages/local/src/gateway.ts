// The local API Gateway WebSocket API: calls the same $connect/$disconnect/$default handlers
// with API Gateway's event shapes, serves the @connections management API the SDK client
// talks to (410 GoneException for a closed connection), and enforces API Gateway's limits.
import { randomBytes, randomUUID } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Duplex } from "node:stream";
import { WebSocket, WebSocketServer } from "ws";

export type WebSocketEvent = {
  requestContext: {
    connectionId: string;
    routeKey: "$connect" | "$disconnect" | "$default";
    eventType: "CONNECT" | "DISCONNECT" | "MESSAGE";
    requestId: string;
    messageId?: string;
    connectedAt: number;
    requestTimeEpoch: number;
    domainName: string;
    stage: string;
    apiId: string;
    disconnectStatusCode?: number;
    disconnectReason?: string;
  };
  queryStringParameters?: Record<string, string>;
  headers?: Record<string, string>;
  body?: string;
  isBase64Encoded: boolean;
};
type Handler = (event: any) => Promise<{ statusCode: number; body?: string } | undefined | void>;

export interface GatewayLimits {
  /** API Gateway's maximum WebSocket message size (128 KB). */
  maxMessageBytes?: number;
  /** Closed after this long without traffic (API Gateway: 10 minutes). */
  idleTimeoutMs?: number;
  /** Closed after this long in any case (API Gateway: 2 hours). */
  maxConnectionMs?: number;
}

export interface GatewayOptions {
  port?: number;
  handlers: { connect: Handler; disconnect: Handler; default: Handler };
  /** Added to every @connections POST, to stand in for API Gateway's own latency. */
  postLatencyMs?: number;
  limits?: GatewayLimits;
}

export interface Gateway {
  url: string;
  managementEndpoint: string;
  connectionCount(): number;
  /** PostToConnection calls served (benchmarks read this). */
  postCount(): number;
  stop(): Promise<void>;
}

interface Connection {
  socket: WebSocket;
  connectedAt: number;
  lastActiveAt: number;
  sourceIp: string;
  userAgent: string;
  queue: Promise<unknown>;
  timers: NodeJS.Timeout[];
  /** Marks traffic, which restarts the idle timer. */
  touch(): void;
}

export async function startGateway(options: GatewayOptions): Promise<Gateway> {
  const maxMessageBytes = options.limits?.maxMessageBytes ?? 128 * 1024;
  const idleTimeoutMs = options.limits?.idleTimeoutMs ?? 10 * 60_000;
  const maxConnectionMs = options.limits?.maxConnectionMs ?? 2 * 3600_000;
  const connections = new Map<string, Connection>();
  const wss = new WebSocketServer({ noServer: true, maxPayload: maxMessageBytes });
  let posts = 0;

  const server = createServer((req, res) => void management(req, res));
  let domainName = "127.0.0.1";

  const context = (
    connectionId: string,
    routeKey: WebSocketEvent["requestContext"]["routeKey"],
    connectedAt: number,
  ) => ({
    connectionId,
    routeKey,
    eventType: ({ $connect: "CONNECT", $disconnect: "DISCONNECT", $default: "MESSAGE" } as const)[routeKey],
    requestId: randomUUID(),
    connectedAt,
    requestTimeEpoch: Date.now(),
    domainName,
    stage: "local",
    apiId: "local",
  });

  server.on(
    "upgrade",
    (req: IncomingMessage, socket: Duplex, head: Buffer) => void upgrade(req, socket, head),
  );

  async function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    const connectionId = randomBytes(12).toString("base64");
    const connectedAt = Date.now();
    const url = new URL(req.url ?? "/", "http://local");
    const result = await options.handlers
      .connect({
        requestContext: context(connectionId, "$connect", connectedAt),
        queryStringParameters: Object.fromEntries(url.searchParams),
        headers: req.headers as Record<string, string>,
        isBase64Encoded: false,
      })
      .catch(() => ({ statusCode: 500 }));
    const status = result?.statusCode ?? 200;
    if (status < 200 || status > 299) {
      // API Gateway answers the upgrade request itself with the handler's status.
      socket.end(
        `HTTP/1.1 ${status} ${status === 401 ? "Unauthorized" : "Forbidden"}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`,
      );
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => accept(ws, connectionId, connectedAt, req));
  }

  function accept(ws: WebSocket, connectionId: string, connectedAt: number, req: IncomingMessage) {
    const connection: Connection = {
      socket: ws,
      connectedAt,
      lastActiveAt: Date.now(),
      sourceIp: req.socket.remoteAddress ?? "127.0.0.1",
      userAgent: String(req.headers["user-agent"] ?? ""),
      queue: Promise.resolve(),
      timers: [],
      touch: () => {
        connection.lastActiveAt = Date.now();
        clearTimeout(connection.timers[0]);
        connection.timers[0] = idle();
      },
    };
    connections.set(connectionId, connection);
    const idle = () => setTimeout(() => ws.close(1001, "Idle timeout"), idleTimeoutMs).unref();
    connection.timers = [
      idle(),
      setTimeout(() => ws.close(1001, "Maximum connection age"), maxConnectionMs).unref(),
    ];
    ws.on("message", (data) => {
      connection.touch();
      // Frames of one connection reach the handler in the order they were sent.
      connection.queue = connection.queue.then(() =>
        options.handlers
          .default({
            requestContext: { ...context(connectionId, "$default", connectedAt), messageId: randomUUID() },
            body: String(data),
            isBase64Encoded: false,
          })
          .catch(() => undefined),
      );
    });
    // Oversized frames surface as an error before the 1009 close; the close does the cleanup.
    ws.on("error", () => undefined);
    ws.on("close", (code, reason) => {
      for (const timer of connection.timers) clearTimeout(timer);
      connections.delete(connectionId);
      connection.queue = connection.queue.then(() =>
        options.handlers
          .disconnect({
            requestContext: {
              ...context(connectionId, "$disconnect", connectedAt),
              disconnectStatusCode: code,
              disconnectReason: String(reason),
            },
            isBase64Encoded: false,
          })
          .catch(() => undefined),
      );
    });
  }

  async function management(req: IncomingMessage, res: ServerResponse) {
    const match = /^\/@connections\/([^/?]+)/.exec(req.url ?? "");
    if (!match?.[1]) return send(res, 404, { message: "Not Found" });
    const connectionId = decodeURIComponent(match[1]);
    const connection = connections.get(connectionId);
    const body = await readBody(req);
    if (!connection || connection.socket.readyState !== WebSocket.OPEN) {
      return send(res, 410, { message: "Gone" }, "GoneException");
    }
    if (req.method === "POST") {
      if (body.length > maxMessageBytes)
        return send(res, 413, { message: "Payload too large" }, "PayloadTooLargeException");
      if (options.postLatencyMs) await new Promise((resolve) => setTimeout(resolve, options.postLatencyMs));
      posts++;
      connection.touch();
      connection.socket.send(body.toString("utf8"));
      return send(res, 200);
    }
    if (req.method === "GET") {
      return send(res, 200, {
        ConnectedAt: new Date(connection.connectedAt).toISOString(),
        LastActiveAt: new Date(connection.lastActiveAt).toISOString(),
        Identity: { SourceIp: connection.sourceIp, UserAgent: connection.userAgent },
      });
    }
    if (req.method === "DELETE") {
      connection.socket.close(1000, "Closed by the server");
      return send(res, 204);
    }
    return send(res, 405, { message: "Method not allowed" });
  }

  server.listen(options.port ?? 0, "127.0.0.1");
  await new Promise<void>((resolve, reject) => {
    server.once("listening", resolve);
    server.once("error", reject);
  });
  const { port } = server.address() as AddressInfo;
  domainName = `127.0.0.1:${port}`;
  return {
    url: `ws://127.0.0.1:${port}`,
    managementEndpoint: `http://127.0.0.1:${port}`,
    connectionCount: () => connections.size,
    postCount: () => posts,
    stop: async () => {
      const closing = [...connections.values()];
      for (const { socket } of closing) socket.close(1001, "Gateway stopping");
      await Promise.all(closing.map((c) => c.queue));
      for (const { socket } of closing) socket.terminate();
      await Promise.all(closing.map((c) => c.queue));
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function send(res: ServerResponse, status: number, body?: unknown, errorType?: string) {
  const headers: Record<string, string> = { "Content-Type": "application/json" };
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
