// Presence on a project's presence channel with real sockets: who is here, who joins and who
// leaves — after joins, unsubscribes, abrupt kills, sockets that vanished without a $disconnect
// and people whose access ends — plus whispers to the other members only, rate limited.
import { Realtime } from "@rehome/core/realtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ConnectionEntity, SubscriptionEntity } from "../../packages/core/src/realtime/entity";
import {
  bootStack,
  call,
  type Frame,
  login,
  openSocket,
  type Person,
  type Socket,
  type Stack,
} from "../support/stack";

let stack: Stack;
let consultant: Person;
let team: Person;
let channel: string;
const sockets: Socket[] = [];

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
const nowSeconds = () => Math.floor(Date.now() / 1000);
const ids = (members: { id: string }[]) => members.map((m) => m.id).sort();

/** A socket of `person` that has joined the channel, and the member list it was given. */
async function joined(person: Person) {
  const socket = await openSocket(stack, person.token);
  sockets.push(socket);
  expect(await socket.subscribe(channel)).toBe(true);
  const here = await socket.waitFor((f) => f.channel === channel && f.event === "presence.here");
  return { socket, here: here.data as { id: string; name: string }[] };
}

/** What a socket believes about the channel: its `here` list, then every joining and leaving. */
function view(socket: Socket) {
  const members = new Map<string, string>();
  for (const frame of socket.frames.filter((f) => f.channel === channel)) {
    if (frame.event === "presence.here") for (const m of frame.data) members.set(m.id, m.name);
    if (frame.event === "presence.joining") members.set(frame.data.id, frame.data.name);
    if (frame.event === "presence.leaving") members.delete(frame.data.id);
  }
  return [...members.keys()].sort();
}

const events = (socket: Socket, event: string, id?: string) =>
  socket.frames.filter((f: Frame) => f.channel === channel && f.event === event && (!id || f.data.id === id));

beforeAll(async () => {
  stack = await bootStack({ env: { WS_WHISPER_PER_SECOND: "3" } });
  const admin = await login(stack, "admin@demo.rehome.local");
  consultant = await login(stack, "consultant@demo.rehome.local");
  team = await login(stack, "team@demo.rehome.local");
  const projects = (await call(stack, "GET", "/api/projects", { token: admin.token })).body.items;
  channel = `presence-projects.${projects.find((p: { name: string }) => p.name.startsWith("Loft")).id}`;
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await stack?.stop();
});

describe("presence", () => {
  it("a joiner hears who is here, the others hear them join, and a second tab is not a second member", async () => {
    const first = await joined(consultant);
    expect(ids(first.here)).toEqual([consultant.user.id]);

    const second = await joined(team);
    expect(ids(second.here)).toEqual(ids([consultant.user, team.user]));
    await first.socket.waitFor((f) => f.event === "presence.joining" && f.data.id === team.user.id);

    const secondTab = await joined(team);
    expect(ids(secondTab.here)).toEqual(ids([consultant.user, team.user]));
    await settle();
    expect(events(first.socket, "presence.joining", team.user.id)).toHaveLength(1);
    expect(events(second.socket, "presence.joining")).toEqual([]);

    // Leaving with one tab still open is not leaving; killing the last one is.
    secondTab.socket.socket.send(JSON.stringify({ action: "unsubscribe", channel }));
    await settle();
    expect(events(first.socket, "presence.leaving")).toEqual([]);
    secondTab.socket.socket.terminate();
    second.socket.socket.terminate();
    await first.socket.waitFor((f) => f.event === "presence.leaving" && f.data.id === team.user.id);
    expect(events(first.socket, "presence.leaving", team.user.id)).toHaveLength(1);
    expect(view(first.socket)).toEqual([consultant.user.id]);

    const back = await joined(team);
    expect(ids(back.here)).toEqual(ids([consultant.user, team.user]));
    back.socket.socket.send(JSON.stringify({ action: "unsubscribe", channel }));
    await expect.poll(() => events(first.socket, "presence.leaving", team.user.id).length).toBe(2);
    expect(view(first.socket)).toEqual([consultant.user.id]);
  });

  it("members whose connection is gone or expired are not listed, and a vanished socket is announced as left", async () => {
    const ghost = async (userId: string, connection: "missing" | "expired" | "alive") => {
      const connectionId = `ghost-${userId}`;
      const expiresAt = nowSeconds() + 600;
      if (connection !== "missing")
        await ConnectionEntity()
          .put({
            connectionId,
            workspaceId: consultant.user.workspaceId,
            userId,
            role: "team",
            name: userId,
            tokenId: `ghost-token-${userId}`,
            scope: "write",
            connectedAt: new Date().toISOString(),
            expiresAt: connection === "expired" ? nowSeconds() - 1 : expiresAt,
          })
          .go();
      await SubscriptionEntity()
        .put({
          channel,
          connectionId,
          userId,
          name: userId,
          subscribedAt: new Date().toISOString(),
          expiresAt,
        })
        .go();
      return connectionId;
    };
    await ghost("ghost-missing", "missing");
    await ghost("ghost-expired", "expired");
    // Stored as alive: only API Gateway knows the socket is gone, and says so with a 410.
    await ghost("ghost-vanished", "alive");

    const watcher = await joined(consultant);
    expect(ids(watcher.here)).not.toContain("ghost-missing");
    expect(ids(watcher.here)).not.toContain("ghost-expired");
    const newcomer = await joined(team);
    await watcher.socket.waitFor((f) => f.event === "presence.leaving" && f.data.id === "ghost-vanished");
    await newcomer.socket.waitFor((f) => f.event === "presence.leaving" && f.data.id === "ghost-vanished");
    expect(view(newcomer.socket)).toEqual(ids([consultant.user, team.user]));
    const listed = (await Realtime.subscriptions(channel)).map((s) => s.userId);
    expect(listed.filter((id) => id.startsWith("ghost-"))).toEqual([]);
  });

  it("whispers reach the other members only, and each socket only so often", async () => {
    const [a1, a2] = [await joined(consultant), await joined(consultant)];
    const b = await joined(team);
    const outsider = await openSocket(stack, team.token);
    sockets.push(outsider);

    a1.socket.socket.send(
      JSON.stringify({ action: "whisper", channel, event: "typing", data: { on: true } }),
    );
    const heard = await b.socket.waitFor((f) => f.event === "client-typing");
    expect(heard.data).toEqual({
      from: { id: consultant.user.id, name: expect.any(String) },
      payload: { on: true },
    });
    outsider.socket.send(JSON.stringify({ action: "whisper", channel, event: "typing", data: {} }));
    const refused = await outsider.waitFor((f) => f.event === "error");
    expect(refused.data.code).toBe("forbidden");
    await settle();
    expect([...a1.socket.frames, ...a2.socket.frames].filter((f) => f.event.startsWith("client-"))).toEqual(
      [],
    );

    // This stack allows 3 whispers per socket per second: 30 sent at once are mostly refused.
    const before = b.socket.frames.filter((f) => f.event === "client-flood").length;
    for (let i = 0; i < 30; i++)
      a2.socket.socket.send(JSON.stringify({ action: "whisper", channel, event: "flood", data: { i } }));
    const limited = () => a2.socket.frames.filter((f) => f.event === "error");
    const relayed = () => b.socket.frames.filter((f) => f.event === "client-flood").length - before;
    await expect.poll(() => relayed() + limited().length, { timeout: 10_000 }).toBe(30);
    expect(limited().every((f) => f.data.code === "rate_limited" && f.data.retryAfter >= 1)).toBe(true);
    expect(relayed()).toBeGreaterThanOrEqual(3);
    expect(limited().length).toBeGreaterThanOrEqual(10);
  });

  it("a person who logs out everywhere leaves every presence channel at once", async () => {
    const watcher = await joined(consultant);
    const leaver = await joined(team);
    const closed = new Promise<void>((resolve) => leaver.socket.socket.once("close", () => resolve()));
    expect((await call(stack, "POST", "/api/logout/all", { token: team.token })).status).toBe(204);
    await closed;
    await watcher.socket.waitFor((f) => f.event === "presence.leaving" && f.data.id === team.user.id);
    expect(view(watcher.socket)).toEqual([consultant.user.id]);
  });
});
