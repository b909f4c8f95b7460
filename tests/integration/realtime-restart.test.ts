// The gateway goes away under connected browsers and comes back on the same port: the Echo-like
// client from packages/client reconnects on its own with a fresh ticket, resubscribes, gets a
// correct presence list, and hears events published after the restart — with no stale
// subscriptions of the old sockets left behind.
import { createRealtime, type Member, type SocketConstructor } from "@rehome/client/realtime";
import { Realtime } from "@rehome/core/realtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { bootStack, call, login, type Stack } from "../support/stack";

let stack: Stack;
let loft: string;
const stops: (() => void)[] = [];

/** A realtime client of `email` that records its states, subscriptions, members and tasks heard. */
async function browser(email: string) {
  const { token, user } = await login(stack, email);
  const rt = createRealtime({
    ticket: async () => {
      const { status, body } = await call(stack, "POST", "/api/realtime/ticket", { token });
      if (status !== 200) throw Object.assign(new Error(`ticket: ${status}`), { status });
      return body;
    },
    WebSocket: WebSocket as unknown as SocketConstructor,
    backoff: { baseMs: 100, maxMs: 1000 },
  });
  stops.push(rt.disconnect);
  const seen = {
    states: [] as string[],
    subscribed: 0,
    tasks: [] as string[],
    members: new Map<string, string>(),
  };
  rt.onState((state) => seen.states.push(state));
  rt.private(`projects.${loft}`)
    .subscribed(() => seen.subscribed++)
    .listen<{ title: string }>("task.created", (task) => seen.tasks.push(task.title));
  rt.join(`projects.${loft}`)
    .here((members: Member[]) => {
      seen.members.clear();
      for (const m of members) seen.members.set(m.id, m.name);
    })
    .joining((m) => seen.members.set(m.id, m.name))
    .leaving((m) => seen.members.delete(m.id));
  return { user, seen, members: () => [...seen.members.keys()].sort() };
}

beforeAll(async () => {
  stack = await bootStack();
  const admin = await login(stack, "admin@demo.rehome.local");
  const projects = (await call(stack, "GET", "/api/projects", { token: admin.token })).body.items;
  loft = projects.find((p: { name: string }) => p.name.startsWith("Loft")).id;
});
afterAll(async () => {
  for (const stop of stops) stop();
  await stack?.stop();
});

describe("gateway restart", () => {
  it("clients reconnect on their own, resubscribe and hear events published after the restart", async () => {
    const people = [await browser("consultant@demo.rehome.local"), await browser("team@demo.rehome.local")];
    const everyone = people.map((p) => p.user.id).sort();
    for (const { seen, members } of people) {
      await expect.poll(() => seen.subscribed).toBe(1);
      await expect.poll(members).toEqual(everyone);
    }
    const { token } = await login(stack, "admin@demo.rehome.local");
    const addTask = (title: string) =>
      call(stack, "POST", `/api/projects/${loft}/tasks`, { token, body: { title } });

    await stack.stopGateway();
    for (const { seen } of people) await expect.poll(() => seen.states.at(-1)).toBe("reconnecting");
    await addTask("Published while the gateway was down");
    // Long enough for a few failed attempts, so the backoff is exercised.
    await new Promise((resolve) => setTimeout(resolve, 1500));
    await stack.startGateway();

    for (const { seen, members } of people) {
      await expect.poll(() => seen.subscribed, { timeout: 10_000 }).toBe(2);
      expect(seen.states.at(-1)).toBe("connected");
      await expect.poll(members).toEqual(everyone);
    }
    // The old sockets left with the old gateway: only the two new connections listen, once each.
    const listening = await Realtime.subscriptions(`private-projects.${loft}`);
    expect(listening.map((s) => s.userId).sort()).toEqual(everyone);

    await addTask("Published after the restart");
    for (const { seen } of people) {
      await expect.poll(() => seen.tasks).toContain("Published after the restart");
      expect(seen.tasks).not.toContain("Published while the gateway was down");
      expect(seen.states).toEqual(expect.arrayContaining(["connected", "reconnecting"]));
    }
  });
});
