// The local gateway gives the handlers API Gateway's events and serves the @connections API
// the SDK client uses: a closed connection answers 410 and the SDK raises GoneException.
import {
  ApiGatewayManagementApiClient,
  GoneException,
  PostToConnectionCommand,
} from "@aws-sdk/client-apigatewaymanagementapi";
import { afterEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { type GatewayOptions, startGateway } from "./gateway";

type Event = {
  requestContext: { connectionId: string; routeKey: string; eventType: string };
  body?: string;
  queryStringParameters?: Record<string, string>;
};

let stop: (() => Promise<void>) | undefined;
afterEach(async () => {
  await stop?.();
  stop = undefined;
});

async function gatewayRecording(overrides: Partial<GatewayOptions> = {}) {
  const events: Event[] = [];
  const record = async (event: Event) => {
    events.push(event);
    return event.requestContext.eventType === "CONNECT" && event.queryStringParameters?.ticket !== "good"
      ? { statusCode: 401 }
      : { statusCode: 200 };
  };
  const gateway = await startGateway({
    handlers: { connect: record, disconnect: record, default: record },
    ...overrides,
  });
  stop = gateway.stop;
  const management = new ApiGatewayManagementApiClient({
    endpoint: gateway.managementEndpoint,
    region: "us-east-1",
    credentials: { accessKeyId: "x", secretAccessKey: "x" },
  });
  return { gateway, events, management };
}

const open = (url: string) =>
  new Promise<WebSocket>((resolve, reject) => {
    const socket = new WebSocket(url);
    socket.once("open", () => resolve(socket));
    socket.once("error", reject);
  });

describe("the local WebSocket gateway", () => {
  it("delivers PostToConnection to the client and answers 410 GoneException once it closed", async () => {
    const { gateway, events, management } = await gatewayRecording();
    const socket = await open(`${gateway.url}?ticket=good`);
    const connectionId = events[0]?.requestContext.connectionId ?? "";
    const received = new Promise<string>((resolve) =>
      socket.once("message", (data) => resolve(String(data))),
    );
    await management.send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: '{"hello":1}' }));
    expect(await received).toBe('{"hello":1}');

    socket.close();
    await expect.poll(() => events.some((e) => e.requestContext.eventType === "DISCONNECT")).toBe(true);
    const gone = await management
      .send(new PostToConnectionCommand({ ConnectionId: connectionId, Data: "late" }))
      .catch((e) => e);
    expect(gone).toBeInstanceOf(GoneException);
    expect(gone.$metadata.httpStatusCode).toBe(410);
  });

  it("routes client frames to $default with API Gateway's event shape, in order", async () => {
    const { gateway, events } = await gatewayRecording();
    const socket = await open(`${gateway.url}?ticket=good`);
    for (const n of [1, 2, 3]) socket.send(JSON.stringify({ action: "ping", n }));
    await expect.poll(() => events.filter((e) => e.requestContext.eventType === "MESSAGE").length).toBe(3);
    const messages = events.filter((e) => e.requestContext.eventType === "MESSAGE");
    expect(messages.map((e) => JSON.parse(e.body ?? "{}").n)).toEqual([1, 2, 3]);
    expect(messages[0]?.requestContext.routeKey).toBe("$default");
    socket.close();
  });

  it("rejects the upgrade with the $connect handler's status", async () => {
    const { gateway } = await gatewayRecording();
    const status = await new Promise<number>((resolve) => {
      const socket = new WebSocket(`${gateway.url}?ticket=bad`);
      socket.once("unexpected-response", (_, response) => resolve(response.statusCode ?? 0));
      socket.once("error", () => undefined);
    });
    expect(status).toBe(401);
  });

  it("closes a connection that sends a message over the size limit (1009) or idles too long (1001)", async () => {
    const { gateway } = await gatewayRecording({ limits: { maxMessageBytes: 1024, idleTimeoutMs: 300 } });
    const big = await open(`${gateway.url}?ticket=good`);
    const bigClosed = new Promise<number>((resolve) => big.once("close", resolve));
    big.send("x".repeat(2048));
    expect(await bigClosed).toBe(1009);

    const idle = await open(`${gateway.url}?ticket=good`);
    expect(await new Promise<number>((resolve) => idle.once("close", resolve))).toBe(1001);
  });
});
