// Channel authorization with real sockets: nobody outside a project can subscribe to its
// channels or hear its events, whatever the event; tickets work once; and a publish to a
// channel with stale connections cleans them up while still reaching the live ones.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { bootStack, call, login, openSocket } from "../support/stack";

let stack: Awaited<ReturnType<typeof bootStack>>;
let loft: string;
let adminToken: string;

beforeAll(async () => {
  stack = await bootStack();
  adminToken = (await login(stack, "admin@demo.rehome.local")).token;
  const projects = (await call(stack, "GET", "/api/projects", { token: adminToken })).body.items;
  loft = projects.find((p: { name: string }) => p.name.startsWith("Loft")).id;
});
afterAll(() => stack?.stop());

describe("realtime isolation", () => {
  it("refuses every project channel to an unassigned participant and to another workspace", async () => {
    for (const email of ["client@demo.rehome.local", "admin@northwind.rehome.local"]) {
      const { token } = await login(stack, email);
      const socket = await openSocket(stack, token);
      for (const channel of [`private-projects.${loft}`, `presence-projects.${loft}`]) {
        expect(await socket.subscribe(channel), `${email} on ${channel}`).toBe(false);
      }
      socket.close();
    }
  });

  it("delivers each task event to the project's subscribers and none to a refused one", async () => {
    const insider = await openSocket(stack, (await login(stack, "consultant@demo.rehome.local")).token);
    const outsider = await openSocket(stack, (await login(stack, "client@demo.rehome.local")).token);
    expect(await insider.subscribe(`private-projects.${loft}`)).toBe(true);
    expect(await outsider.subscribe(`private-projects.${loft}`)).toBe(false);

    const created = await call(stack, "POST", `/api/projects/${loft}/tasks`, {
      token: adminToken,
      body: { title: "Order roof windows" },
    });
    const path = `/api/projects/${loft}/tasks/${created.body.id}`;
    await call(stack, "PATCH", path, { token: adminToken, body: { title: "Order three roof windows" } });
    await call(stack, "PATCH", path, { token: adminToken, body: { status: "in_progress" } });
    await call(stack, "DELETE", path, { token: adminToken });
    for (const event of ["task.created", "task.updated", "task.moved", "task.deleted"]) {
      await insider.waitFor((f) => f.event === event && f.data.id === created.body.id, 1000);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(outsider.frames.filter((f) => f.event.startsWith("task."))).toEqual([]);
    insider.close();
    outsider.close();
  });

  it("accepts a ticket once and refuses it the second time", async () => {
    const { body } = await call(stack, "POST", "/api/realtime/ticket", { token: adminToken });
    const open = (url: string) =>
      new Promise<number>((resolve) => {
        const socket = new WebSocket(url);
        socket.once("open", () => {
          socket.close();
          resolve(101);
        });
        socket.once("unexpected-response", (_, response) => resolve(response.statusCode ?? 0));
        socket.once("error", () => undefined);
      });
    const url = `${body.url}?ticket=${encodeURIComponent(body.ticket)}`;
    expect(await open(url)).toBe(101);
    expect(await open(url)).toBe(401);
    expect(await open(`${body.url}?ticket=not-a-ticket`)).toBe(401);
  });

  it("a publish removes subscriptions whose sockets are gone (410) and still reaches the live ones", async () => {
    const { token } = await login(stack, "team@demo.rehome.local");
    const live = await openSocket(stack, token);
    const channel = `private-projects.${loft}`;
    expect(await live.subscribe(channel)).toBe(true);
    // A socket API Gateway dropped without running $disconnect: its subscription is still stored.
    const { SubscriptionEntity } = await import("../../packages/core/src/realtime/entity");
    const stale = "gone-connection-id";
    await SubscriptionEntity()
      .put({
        channel,
        connectionId: stale,
        userId: "someone",
        name: "Someone",
        subscribedAt: new Date().toISOString(),
        expiresAt: Math.floor(Date.now() / 1000) + 600,
      })
      .go();
    const { Realtime } = await import("@rehome/core/realtime");
    expect(await Realtime.subscribers(channel)).toContain(stale);

    await call(stack, "POST", `/api/projects/${loft}/tasks`, {
      token,
      body: { title: "Check the dormer flashing" },
    });
    await live.waitFor((f) => f.event === "task.created" && f.data.title === "Check the dormer flashing");
    await expect.poll(() => Realtime.subscribers(channel)).not.toContain(stale);
    live.close();
  });
});
