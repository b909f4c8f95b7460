// The realtime client against a real `ws` server, the way Node tools (CLI, tests) use it.
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { type WebSocket as ServerSocket, WebSocket, WebSocketServer } from "ws";
import { type ConnectionState, createRealtime, type Realtime } from "./realtime";

/** A tiny gateway: single-use tickets, subscribe/unsubscribe, ping/pong and publish. */
async function startGateway() {
  const unused = new Set<string>();
  const channels = new Map<ServerSocket, Set<string>>();
  const server = new WebSocketServer({
    port: 0,
    host: "127.0.0.1",
    verifyClient: ({ req }: { req: { url?: string } }) => {
      const ticket = new URL(req.url ?? "", "ws://x").searchParams.get("ticket") ?? "";
      return unused.delete(ticket);
    },
  });
  await new Promise((resolve) => server.once("listening", resolve));
  server.on("connection", (socket) => {
    channels.set(socket, new Set());
    socket.on("close", () => channels.delete(socket));
    socket.on("message", (raw) => {
      const frame = JSON.parse(String(raw));
      const reply = (channel: string, event: string) =>
        socket.send(JSON.stringify({ channel, event, data: {}, id: "r" }));
      if (frame.action === "ping") reply("", "pong");
      if (frame.action === "subscribe") {
        channels.get(socket)?.add(frame.channel);
        reply(frame.channel, "subscription.succeeded");
      }
      if (frame.action === "unsubscribe") channels.get(socket)?.delete(frame.channel);
    });
  });
  let issued = 0;
  return {
    url: `ws://127.0.0.1:${(server.address() as AddressInfo).port}`,
    issue() {
      const ticket = `ticket-${++issued}`;
      unused.add(ticket);
      return ticket;
    },
    issued: () => issued,
    subscribers: (channel: string) => [...channels.values()].filter((c) => c.has(channel)).length,
    publish(channel: string, event: string, data: unknown) {
      for (const [socket, subscribed] of channels)
        if (subscribed.has(channel)) socket.send(JSON.stringify({ channel, event, data, id: "e" }));
    },
    dropAll: () => {
      for (const socket of server.clients) socket.terminate();
    },
    stop: () => new Promise((resolve) => server.close(resolve)),
  };
}

const until = async (check: () => boolean, timeoutMs = 5000) => {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error("timed out");
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
};

let cleanup: (() => unknown)[] = [];
afterEach(async () => {
  for (const fn of cleanup.reverse()) await fn();
  cleanup = [];
});

describe("the realtime client on a real WebSocket server", () => {
  it("reconnects on its own with a new ticket, resubscribes and receives later events", async () => {
    const gateway = await startGateway();
    const rt: Realtime = createRealtime({
      ticket: async () => ({ ticket: gateway.issue(), url: gateway.url }),
      WebSocket,
      backoff: { baseMs: 20, maxMs: 200 },
    });
    cleanup.push(gateway.stop, rt.disconnect);
    const states: ConnectionState[] = [];
    rt.onState((s) => states.push(s));
    const received: unknown[] = [];
    rt.private("projects.p1").listen("task.created", (data) => received.push(data));

    await until(() => gateway.subscribers("private-projects.p1") === 1);
    gateway.publish("private-projects.p1", "task.created", { id: "before" });
    await until(() => received.length === 1);

    gateway.dropAll();
    // terminate() is abrupt: wait for the second ticket, not just for a "connected" state.
    const resubscribed = () => gateway.issued() === 2 && gateway.subscribers("private-projects.p1") === 1;
    await until(() => resubscribed() && states.at(-1) === "connected");
    gateway.publish("private-projects.p1", "task.created", { id: "after" });
    await until(() => received.length === 2);

    expect(received).toEqual([{ id: "before" }, { id: "after" }]);
    expect(gateway.issued()).toBe(2);
    expect(states).toEqual(["connecting", "connected", "reconnecting", "connected"]);
  });

  it("keeps retrying while a used ticket is refused, and gets in with a fresh one", async () => {
    const gateway = await startGateway();
    const used = "spent-ticket";
    let calls = 0;
    const rt = createRealtime({
      // The first two attempts present a ticket that was already spent.
      ticket: async () => ({ ticket: ++calls <= 2 ? used : gateway.issue(), url: gateway.url }),
      WebSocket,
      backoff: { baseMs: 20, maxMs: 100 },
    });
    cleanup.push(gateway.stop, rt.disconnect);
    await until(() => rt.state() === "connected");
    expect(calls).toBe(3);
  });
});
