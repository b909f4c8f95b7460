// The local gateway gives the handlers API Gateway's events and serves the @connections API
// the unchanged SDK client uses: a closed connection answers 410 and the SDK raises GoneException.
import {
  ApiGatewayManagementApiClient,
  DeleteConnectionCommand,
  GetConnectionCommand,
  GoneException,
  PayloadTooLargeException,
  PostToConnectionCommand,
} from "@aws-sdk/client-apigatewaymanagementapi";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type GatewayOptions, startGateway, type WebSocketEvent } from "./gateway";

const stops: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

/** A gateway whose handlers record every event and admit only `?ticket=good`. */
async function recordingGateway(overrides: Partial<GatewayOptions> = {}) {
  const events: WebSocketEvent[] = [];
  const record = async (event: WebSocketEvent) => {
    events.push(event);
    const refused =
      event.requestContext.eventType === "CONNECT" && event.queryStringParameters?.ticket !== "good";
    return refused ? { statusCode: 401, body: "Invalid ticket" } : { statusCode: 200 };
  };
  const gateway = await startGateway({
    handlers: { connect: record, disconnect: record, default: record },
    ...overrides,
  });
  stops.push(gateway.stop);
  const management = new ApiGatewayManagementApiClient({
    endpoint: gateway.managementEndpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "local", secretAccessKey: "local" },
  });
  const ofType = (type: string) => events.filter((e) => e.requestContext.eventType === type);
  return { gateway, events, ofType, management };
}

const open = (url: string, headers: Record<string, string> = {}) =>
  new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(url, { headers });
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
  });

const closeCode = (socket: WebSocket) => new Promise<number>((resolve) => socket.once("close", resolve));

describe("the local WebSocket gateway", () => {
  it("delivers PostToConnection to the client and answers 410 GoneException once it closed", async () => {
    const { gateway, ofType, management } = await recordingGateway();
    const socket = await open(`${gateway.url}?ticket=good`);
    const connectionId = ofType("CONNECT")[0]?.requestContext.connectionId ?? "";
    const received = new Promise<string>((resolve) =>
      socket.once("message", (data) => resolve(String(data))),
    );
    await management.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: '{"hello":1}' }));
    expect(await received).toBe('{"hello":1}');

    socket.close();
    await expect.poll(() => ofType("DISCONNECT").length).toBe(1);
    const gone = await management
      .send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: "late" }))
      .catch((error: unknown) => error);
    expect(gone).toBeInstanceOf(GoneException);
    expect((gone as GoneException).$metadata.httpStatusCode).toBe(410);
    expect(gateway.connectionCount()).toBe(0);
  });

  it("answers GetConnection and DeleteConnection as API Gateway does, and refuses oversized posts", async () => {
    const { gateway, ofType, management } = await recordingGateway({ limits: { maxMessageBytes: 1024 } });
    const socket = await open(`${gateway.url}?ticket=good`, { "User-Agent": "rehome-test" });
    const ConnectionId = ofType("CONNECT")[0]?.requestContext.connectionId ?? "";

    const info = await management.send(new GetConnectionCommand({ ConnectionId }));
    expect(info.ConnectedAt).toBeInstanceOf(Date);
    expect(info.LastActiveAt).toBeInstanceOf(Date);
    expect(info.Identity).toEqual({ SourceIp: "127.0.0.1", UserAgent: "rehome-test" });

    const tooBig = management.send(new PostToConnectionCommand({ ConnectionId, Data: "x".repeat(2048) }));
    await expect(tooBig).rejects.toBeInstanceOf(PayloadTooLargeException);

    const closed = closeCode(socket);
    await management.send(new DeleteConnectionCommand({ ConnectionId }));
    expect(await closed).toBe(1000);
  });

  it("gives the handlers API Gateway's events: $connect with query and headers, frames in order, $disconnect", async () => {
    const { gateway, ofType } = await recordingGateway();
    const socket = await open(`${gateway.url}?ticket=good`, { Origin: "http://localhost:3000" });
    for (const n of [1, 2, 3]) socket.send(JSON.stringify({ action: "ping", n }));
    await expect.poll(() => ofType("MESSAGE").length).toBe(3);
    socket.close(1000, "bye");
    await expect.poll(() => ofType("DISCONNECT").length).toBe(1);

    const [connect] = ofType("CONNECT");
    const connectionId = connect?.requestContext.connectionId;
    expect(connectionId).toMatch(/^[A-Za-z0-9+/]{15}=$/);
    expect(connect).toMatchObject({
      queryStringParameters: { ticket: "good" },
      headers: { Origin: "http://localhost:3000" },
      isBase64Encoded: false,
      requestContext: { routeKey: "$connect", eventType: "CONNECT", stage: "local", messageDirection: "IN" },
    });
    const messages = ofType("MESSAGE");
    expect(messages.map((e) => JSON.parse(e.body ?? "{}").n)).toEqual([1, 2, 3]);
    expect(messages[0]?.requestContext).toMatchObject({ routeKey: "$default", connectionId });
    expect(messages[0]?.requestContext.messageId).toEqual(expect.any(String));
    expect(ofType("DISCONNECT")[0]?.requestContext).toMatchObject({
      routeKey: "$disconnect",
      connectionId,
      disconnectStatusCode: 1000,
      disconnectReason: "bye",
    });
  });

  it("rejects the upgrade with the $connect handler's status", async () => {
    const { gateway } = await recordingGateway();
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${gateway.url}?ticket=bad`);
      socket.once("unexpected-response", (_, response) => resolve(response.statusCode ?? 0));
      socket.once("error", () => undefined);
    });
    expect(status).toBe(401);
    expect(gateway.connectionCount()).toBe(0);
  });

  it("closes a connection that sends an oversized message (1009), idles (1001) or gets too old (1001)", async () => {
    const limited = await recordingGateway({ limits: { maxMessageBytes: 1024, idleTimeoutMs: 200 } });
    const big = await open(`${limited.gateway.url}?ticket=good`);
    const bigClosed = closeCode(big);
    big.send("x".repeat(2048));
    expect(await bigClosed).toBe(1009);
    const idle = await open(`${limited.gateway.url}?ticket=good`);
    expect(await closeCode(idle)).toBe(1001);

    const aging = await recordingGateway({ limits: { maxConnectionMs: 200 } });
    const old = await open(`${aging.gateway.url}?ticket=good`);
    expect(await closeCode(old)).toBe(1001);
  });

  it("closes every socket when stopped and serves reconnects when started again on the same port", async () => {
    const first = await recordingGateway();
    const socket = await open(`${first.gateway.url}?ticket=good`);
    const closed = closeCode(socket);
    await first.gateway.stop();
    expect(await closed).toBe(1001);
    expect(first.ofType("DISCONNECT")).toHaveLength(1);

    const port = Number(new URL(first.gateway.url).port);
    const second = await recordingGateway({ port });
    expect(second.gateway.url).toBe(first.gateway.url);
    await open(`${second.gateway.url}?ticket=good`);
    expect(second.gateway.connectionCount()).toBe(1);
  });
});
