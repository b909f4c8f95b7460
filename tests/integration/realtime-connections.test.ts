// The life of a WebSocket connection on the local gateway: tickets work once and only while
// fresh, the connection is stored for as long as API Gateway may keep it and forgotten on
// close, every channel kind is authorized, stale sockets are cleaned up by the publisher, and
// a person's open sockets close when they leave a project, change role or are deactivated.
import { event } from "@rehome/core/event";
import { Realtime } from "@rehome/core/realtime";
import { sha256 } from "@rehome/core/util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import * as z from "zod";
import { ConnectionEntity, SubscriptionEntity, TicketEntity } from "../../packages/core/src/realtime/entity";
import { bootStack, call, login, openSocket, type Person, type Socket, type Stack } from "../support/stack";
import { joinByInvite } from "../support/world";

let stack: Stack;
let admin: Person;
let loft: string;

const nowSeconds = () => Math.floor(Date.now() / 1000);
/** The id half of a bearer token `<id>.<secret>`. */
const tokenIdOf = (person: Person) => person.token.split(".")[0] ?? "";
const Probe = event("test.probe", z.object({ n: z.number() }));
const settle = (ms = 300) => new Promise((resolve) => setTimeout(resolve, ms));

/** Opens a socket with a ticket and reports the upgrade's status: 101 accepted, else refused. */
const open = (ticket: string) =>
  new Promise<number>((resolve) => {
    const socket = new WebSocket(`${stack.wsUrl}?ticket=${encodeURIComponent(ticket)}`);
    socket.once("open", () => {
      socket.close();
      resolve(101);
    });
    socket.once("unexpected-response", (_, response) => resolve(response.statusCode ?? 0));
    socket.once("error", () => undefined);
  });

/** The newest stored connection of a person. */
async function newestConnection(workspaceId: string, userId: string) {
  const { data } = await ConnectionEntity().query.byUser({ workspaceId, userId }).go({ pages: "all" });
  return data.sort((a, b) => a.connectedAt.localeCompare(b.connectedAt)).at(-1);
}

beforeAll(async () => {
  stack = await bootStack();
  admin = await login(stack, "admin@demo.rehome.local");
  const projects = (await call(stack, "GET", "/api/projects", { token: admin.token })).body.items;
  loft = projects.find((p: { name: string }) => p.name.startsWith("Loft")).id;
});
afterAll(() => stack?.stop());

describe("tickets", () => {
  it("a ticket opens one connection, once", async () => {
    const { body } = await call(stack, "POST", "/api/realtime/ticket", { token: admin.token });
    expect(body.url).toBe(stack.wsUrl);
    expect(await open(body.ticket)).toBe(101);
    expect(await open(body.ticket)).toBe(401);
    expect(await open("not-a-ticket")).toBe(401);
  });

  it("an expired ticket is refused even while DynamoDB has not deleted it yet", async () => {
    const ticket = "expired-ticket-for-the-test";
    await TicketEntity()
      .create({
        ticketHash: sha256(ticket),
        workspaceId: admin.user.workspaceId,
        userId: admin.user.id,
        tokenId: tokenIdOf(admin),
        expiresAt: nowSeconds() - 1,
      })
      .go();
    expect(await open(ticket)).toBe(401);
  });
});

describe("connections", () => {
  it("is stored a little past API Gateway's 2-hour limit and forgotten with its subscriptions on close", async () => {
    const team = await login(stack, "team@demo.rehome.local");
    const socket = await openSocket(stack, team.token);
    expect(await socket.subscribe(`private-projects.${loft}`)).toBe(true);
    const stored = await newestConnection(team.user.workspaceId, team.user.id);
    expect(stored?.expiresAt).toBeGreaterThan(nowSeconds() + 2 * 3600);
    expect(stored?.expiresAt).toBeLessThanOrEqual(nowSeconds() + 2 * 3600 + 15 * 60);
    const connectionId = stored?.connectionId ?? "";
    const held = () => SubscriptionEntity().query.byConnection({ connectionId }).go();
    expect((await held()).data.map((s) => s.channel)).toEqual([`private-projects.${loft}`]);

    socket.close();
    await expect.poll(async () => (await ConnectionEntity().get({ connectionId }).go()).data).toBeNull();
    expect((await held()).data).toEqual([]);
  });

  it("authorizes all four channel kinds; a refused subscription gets an error frame and never an event", async () => {
    const consultant = await login(stack, "consultant@demo.rehome.local");
    const client = await login(stack, "client@demo.rehome.local");
    const nora = await login(stack, "admin@northwind.rehome.local");
    const thread = await call(stack, "POST", `/api/projects/${loft}/agent/threads`, {
      token: consultant.token,
      body: { title: "Dormer questions" },
    });
    expect(thread.status).toBe(201);
    const channels = [
      `private-projects.${loft}`,
      `presence-projects.${loft}`,
      `private-users.${consultant.user.id}`,
      `private-agent-threads.${thread.body.id}`,
    ];

    const allowed = await openSocket(stack, consultant.token);
    const refused = [await openSocket(stack, client.token), await openSocket(stack, nora.token)];
    for (const channel of channels) {
      expect(await allowed.subscribe(channel), channel).toBe(true);
      for (const socket of refused) {
        expect(await socket.subscribe(channel), channel).toBe(false);
        const error = await socket.waitFor((f) => f.channel === channel && f.event === "subscription.error");
        expect(error.data.code).toBe("forbidden");
      }
    }
    for (const [n, channel] of channels.entries()) await Realtime.publish(channel, Probe, { n });
    for (const [n, channel] of channels.entries())
      await allowed.waitFor((f) => f.channel === channel && f.event === "test.probe" && f.data.n === n);
    await settle();
    for (const socket of refused) expect(socket.frames.filter((f) => f.event === "test.probe")).toEqual([]);
    for (const socket of [allowed, ...refused]) socket.close();
  });

  it("a frame that is not a known action gets an error, and the socket stays usable", async () => {
    const socket = await openSocket(stack, admin.token);
    socket.socket.send("{not json");
    socket.socket.send(JSON.stringify({ action: "subscribe", channel: "private-projects.a.b" }));
    const errors = () => socket.frames.filter((f) => f.event === "error" && f.data.code === "bad_frame");
    await expect.poll(() => errors().length).toBe(2);
    socket.socket.send(JSON.stringify({ action: "ping" }));
    await socket.waitFor((f) => f.event === "pong");
    socket.close();
  });
});

describe("stale connections", () => {
  it("a publish removes subscriptions whose sockets are gone (410) and still reaches the live ones", async () => {
    const team = await login(stack, "team@demo.rehome.local");
    const live = await openSocket(stack, team.token);
    const channel = `private-projects.${loft}`;
    expect(await live.subscribe(channel)).toBe(true);
    // Sockets API Gateway dropped without running $disconnect: their subscriptions are still stored.
    const stale = ["gone-connection-1", "gone-connection-2"];
    for (const connectionId of stale)
      await SubscriptionEntity()
        .put({
          channel,
          connectionId,
          userId: "someone",
          name: "Someone",
          subscribedAt: new Date().toISOString(),
          expiresAt: nowSeconds() + 600,
        })
        .go();
    const listening = async () => (await Realtime.subscriptions(channel)).map((s) => s.connectionId);
    expect(await listening()).toEqual(expect.arrayContaining(stale));

    const delivery = await Realtime.publish(channel, Probe, { n: 1 });
    expect(delivery.gone.sort()).toEqual(stale);
    expect(delivery.sent).toBe(1);
    await live.waitFor((f) => f.event === "test.probe");
    for (const id of stale) expect(await listening()).not.toContain(id);
    live.close();
  });

  it("a stream's kept audience posts to a gone socket once, and hears a new subscriber once its background refresh lands", async () => {
    const team = await login(stack, "team@demo.rehome.local");
    const first = await openSocket(stack, team.token);
    const channel = `private-projects.${loft}`;
    expect(await first.subscribe(channel)).toBe(true);
    const stale = { channel, connectionId: "gone-connection-3", userId: "someone", name: "Someone" };
    await SubscriptionEntity()
      .put({ ...stale, subscribedAt: new Date().toISOString(), expiresAt: nowSeconds() + 600 })
      .go();
    // Long enough that the second socket below subscribes within it, even on a busy machine.
    const audience = Realtime.cachedAudience(channel, 2_000);

    const one = await Realtime.publish(channel, Probe, { n: 1 }, { audience });
    const two = await Realtime.publish(channel, Probe, { n: 2 }, { audience });
    expect([one.gone, two.gone]).toEqual([["gone-connection-3"], []]);
    expect([one.sent, two.sent]).toEqual([1, 1]);

    const second = await openSocket(stack, team.token);
    expect(await second.subscribe(channel)).toBe(true);
    expect((await Realtime.publish(channel, Probe, { n: 3 }, { audience })).sent).toBe(1);
    await settle(2_100);
    // The first publish past the age still goes to the kept list and starts the refresh.
    expect((await Realtime.publish(channel, Probe, { n: 4 }, { audience })).sent).toBe(1);
    let n = 4;
    let sent = 1;
    while (sent < 2 && n < 50) {
      await settle(20);
      n++;
      sent = (await Realtime.publish(channel, Probe, { n }, { audience })).sent;
    }
    expect(sent).toBe(2);
    await second.waitFor((f) => f.event === "test.probe" && (f.data as { n: number }).n === n);
    first.close();
    second.close();
  });
});

describe("ending access", () => {
  /** Waits for the server to close a socket; resolves with the close code. */
  const closing = (socket: Socket) =>
    new Promise<number>((resolve) => socket.socket.once("close", (code) => resolve(code)));

  it("removing a person from a project ends their subscription to it at once", async () => {
    const person = await joinByInvite(stack, admin.token, "team", "leaving");
    const project = (
      await call(stack, "POST", "/api/projects", { token: admin.token, body: { name: "Short job" } })
    ).body.id;
    const assignment = `/api/projects/${project}/assignments/${person.id}`;
    expect(
      (await call(stack, "PUT", assignment, { token: admin.token, body: { role: "team" } })).status,
    ).toBe(200);
    const channel = `private-projects.${project}`;
    const before = await openSocket(stack, person.token);
    expect(await before.subscribe(channel)).toBe(true);
    const closed = closing(before);

    expect((await call(stack, "DELETE", assignment, { token: admin.token })).status).toBe(204);
    expect(await closed).toBe(1000);
    const after = await openSocket(stack, person.token);
    expect(await after.subscribe(channel)).toBe(false);
    expect(await after.subscribe(`private-users.${person.id}`)).toBe(true);
    await call(stack, "POST", `/api/projects/${project}/tasks`, {
      token: admin.token,
      body: { title: "Said after they left" },
    });
    await settle();
    for (const socket of [before, after])
      expect(socket.frames.filter((f) => f.event === "task.created")).toEqual([]);
    expect((await Realtime.subscriptions(channel)).map((s) => s.userId)).not.toContain(person.id);
    after.close();
  });

  it("a role change closes the person's socket; a new one is opened with the new role", async () => {
    const person = await joinByInvite(stack, admin.token, "team", "promoted");
    const socket = await openSocket(stack, person.token);
    expect(await socket.subscribe(`private-projects.${loft}`)).toBe(false);
    const closed = closing(socket);
    const changed = await call(stack, "PATCH", `/api/users/${person.id}`, {
      token: admin.token,
      body: { role: "admin" },
    });
    expect(changed.status).toBe(200);
    expect(await closed).toBe(1000);
    // As an admin they now see every project of the workspace, live as well.
    const again = await openSocket(stack, person.token);
    expect(await again.subscribe(`private-projects.${loft}`)).toBe(true);
    again.close();
  });

  it("deactivating a person closes their open socket at once", async () => {
    const client = await login(stack, "client@demo.rehome.local");
    const socket = await openSocket(stack, client.token);
    const closed = new Promise<number>((resolve) => socket.socket.once("close", (code) => resolve(code)));
    const changed = await call(stack, "PATCH", `/api/users/${client.user.id}`, {
      token: admin.token,
      body: { status: "deactivated" },
    });
    expect(changed.status).toBe(200);
    expect(await closed).toBe(1000);
    expect(await newestConnection(client.user.workspaceId, client.user.id)).toBeUndefined();
    expect((await call(stack, "POST", "/api/realtime/ticket", { token: client.token })).status).toBe(401);
  });
});
