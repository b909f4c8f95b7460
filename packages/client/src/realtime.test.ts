import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { type ConnectionState, createRealtime } from "./realtime";
import { FakeSocket } from "./testing/fake-socket";

let tickets = 0;
const setup = (options: Partial<Parameters<typeof createRealtime>[0]> = {}) => {
  const states: ConnectionState[] = [];
  const rt = createRealtime({
    ticket: async () => ({ ticket: `t${++tickets}`, url: "ws://gateway" }),
    WebSocket: FakeSocket,
    random: () => 1,
    backoff: { baseMs: 100, maxMs: 1000 },
    ...options,
  });
  rt.onState((s) => states.push(s));
  return { rt, states, socket: () => FakeSocket.opened.at(-1) as FakeSocket };
};

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.opened = [];
  tickets = 0;
});
afterEach(() => vi.useRealTimers());

describe("the realtime client", () => {
  it("opens the socket with a ticket and subscribes channels asked for before it opened", async () => {
    const { rt, socket, states } = setup();
    rt.private("projects.p1");
    rt.join("projects.p1");
    await vi.advanceTimersByTimeAsync(0);
    expect(socket().url).toBe("ws://gateway?ticket=t1");
    socket().open();
    expect(socket().subscribed()).toEqual(["private-projects.p1", "presence-projects.p1"]);
    expect(states).toEqual(["connecting", "connected"]);
  });

  it("delivers an event only to the listeners of its channel and event", async () => {
    const { rt, socket } = setup();
    const created = vi.fn();
    const other = vi.fn();
    rt.private("projects.p1").listen("task.created", created).listen("task.moved", other);
    rt.private("projects.p2").listen("task.created", other);
    await vi.advanceTimersByTimeAsync(0);
    socket().open();
    socket().emit("private-projects.p1", "task.created", { id: "t1" });
    expect(created).toHaveBeenCalledWith({ id: "t1" }, expect.objectContaining({ event: "task.created" }));
    expect(other).not.toHaveBeenCalled();
  });

  it("reconnects with a fresh ticket and resubscribes everything after a drop", async () => {
    const { rt, socket, states } = setup();
    rt.private("projects.p1");
    rt.join("projects.p1");
    rt.private("users.u1");
    rt.leave("users.u1");
    await vi.advanceTimersByTimeAsync(0);
    socket().open();
    socket().close();
    expect(states.at(-1)).toBe("reconnecting");
    await vi.advanceTimersByTimeAsync(100);
    expect(socket().url).toBe("ws://gateway?ticket=t2");
    socket().open();
    expect(socket().subscribed()).toEqual(["private-projects.p1", "presence-projects.p1"]);
    expect(states).toEqual(["connecting", "connected", "reconnecting", "connected"]);
  });

  it("backs off exponentially up to the cap while the gateway is down, then starts over", async () => {
    const { socket } = setup();
    await vi.advanceTimersByTimeAsync(0);
    const waits: number[] = [];
    for (let i = 0; i < 6; i++) {
      const before = FakeSocket.opened.length;
      socket().close();
      let waited = 0;
      while (FakeSocket.opened.length === before) {
        await vi.advanceTimersByTimeAsync(10);
        waited += 10;
      }
      waits.push(waited);
    }
    expect(waits).toEqual([100, 200, 400, 800, 1000, 1000]);
    socket().open();
    socket().close();
    await vi.advanceTimersByTimeAsync(100);
    expect(FakeSocket.opened).toHaveLength(8);
  });

  it("checked while a retry waits its turn, tries at once, and never opens two sockets", async () => {
    const { rt, socket } = setup({ backoff: { baseMs: 100, maxMs: 60_000 } });
    await vi.advanceTimersByTimeAsync(0);
    rt.checkNow();
    await vi.advanceTimersByTimeAsync(0);
    // Connecting, with no retry waiting: nothing to hurry, nothing to ping.
    expect(FakeSocket.opened).toHaveLength(1);
    for (let i = 0; i < 8; i++) {
      const before = FakeSocket.opened.length;
      socket().close();
      while (FakeSocket.opened.length === before) await vi.advanceTimersByTimeAsync(100);
    }
    // Nine failures in, the next try is 25.6 s away unless asked.
    socket().close();
    await vi.advanceTimersByTimeAsync(1000);
    expect(FakeSocket.opened).toHaveLength(9);
    rt.checkNow();
    rt.checkNow();
    await vi.advanceTimersByTimeAsync(0);
    expect(FakeSocket.opened).toHaveLength(10);
    socket().open();
    expect(rt.state()).toBe("connected");
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.opened).toHaveLength(10);
  });

  it("spreads reconnects with full jitter", async () => {
    const { socket } = setup({ random: () => 0.25 });
    await vi.advanceTimersByTimeAsync(0);
    socket().open();
    socket().close();
    await vi.advanceTimersByTimeAsync(24);
    expect(FakeSocket.opened).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(FakeSocket.opened).toHaveLength(2);
  });

  it("keeps the connection alive with pings and replaces a socket whose pong never comes", async () => {
    const { socket } = setup({ pingMs: 1000, pongTimeoutMs: 200 });
    await vi.advanceTimersByTimeAsync(0);
    const first = socket();
    first.open();
    await vi.advanceTimersByTimeAsync(1000);
    expect(first.frames.at(-1)).toEqual({ action: "ping" });
    first.emit("", "pong");
    await vi.advanceTimersByTimeAsync(1000);
    expect(first.readyState).toBe(1);
    await vi.advanceTimersByTimeAsync(200);
    expect(first.readyState).toBe(3);
    await vi.advanceTimersByTimeAsync(100);
    expect(socket()).not.toBe(first);
  });

  it("checked while open, pings at once and replaces a socket that died unseen", async () => {
    const { rt, socket } = setup({ pingMs: 60_000, pongTimeoutMs: 200 });
    await vi.advanceTimersByTimeAsync(0);
    const first = socket();
    first.open();
    rt.checkNow();
    expect(first.frames.at(-1)).toEqual({ action: "ping" });
    first.emit("", "pong");
    await vi.advanceTimersByTimeAsync(200);
    expect(first.readyState).toBe(1);
    // The device slept: the socket looks open, but nothing answers.
    rt.checkNow();
    await vi.advanceTimersByTimeAsync(200);
    expect(first.readyState).toBe(3);
    await vi.advanceTimersByTimeAsync(100);
    expect(socket()).not.toBe(first);
  });

  it("gives up for good when the session has ended", async () => {
    const ended = Object.assign(new Error("Sign in"), { status: 401 });
    const { states } = setup({ ticket: () => Promise.reject(ended) });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.opened).toHaveLength(0);
    expect(states).toEqual(["connecting", "disconnected"]);
  });

  it("retries when the ticket endpoint is unreachable", async () => {
    let calls = 0;
    const { socket } = setup({
      ticket: async () => {
        if (++calls < 3) throw new Error("offline");
        return { ticket: "late", url: "ws://gateway" };
      },
    });
    await vi.advanceTimersByTimeAsync(300);
    expect(socket().url).toBe("ws://gateway?ticket=late");
  });

  it("handles presence members and whispers the way Echo does", async () => {
    const { rt, socket } = setup();
    const here = vi.fn();
    const joining = vi.fn();
    const leaving = vi.fn();
    const typing = vi.fn();
    const room = rt
      .join("projects.p1")
      .here(here)
      .joining(joining)
      .leaving(leaving)
      .listenForWhisper("typing", typing);
    await vi.advanceTimersByTimeAsync(0);
    socket().open();
    const ann = { id: "u2", name: "Ann" };
    socket().emit("presence-projects.p1", "presence.here", [ann]);
    socket().emit("presence-projects.p1", "presence.joining", ann);
    socket().emit("presence-projects.p1", "client-typing", { from: ann, payload: { typing: true } });
    socket().emit("presence-projects.p1", "presence.leaving", ann);
    expect(here).toHaveBeenCalledWith([ann], expect.anything());
    expect(joining).toHaveBeenCalledWith(ann, expect.anything());
    expect(typing).toHaveBeenCalledWith({ typing: true }, ann);
    expect(leaving).toHaveBeenCalledWith(ann, expect.anything());
    room.stopListeningForWhisper("typing", typing);
    socket().emit("presence-projects.p1", "client-typing", { from: ann, payload: { typing: true } });
    expect(typing).toHaveBeenCalledTimes(1);
    room.whisper("typing", { typing: false });
    expect(socket().frames.at(-1)).toEqual({
      action: "whisper",
      channel: "presence-projects.p1",
      event: "typing",
      data: { typing: false },
    });
  });

  it("tells a late listener of a presence channel who is already here", async () => {
    const { rt, socket } = setup();
    rt.join("projects.p1");
    await vi.advanceTimersByTimeAsync(0);
    socket().open();
    const ann = { id: "u2", name: "Ann" };
    const bob = { id: "u3", name: "Bob" };
    socket().emit("presence-projects.p1", "presence.here", [ann]);
    socket().emit("presence-projects.p1", "presence.joining", bob);
    const late = vi.fn();
    rt.join("projects.p1").here(late);
    expect(late).toHaveBeenCalledWith([ann, bob]);
    expect(socket().subscribed()).toEqual(["presence-projects.p1"]);
  });

  it("reports a refused subscription to the channel's error callback", async () => {
    const { rt, socket } = setup();
    const refused = vi.fn();
    rt.private("projects.other").error(refused);
    await vi.advanceTimersByTimeAsync(0);
    socket().open();
    socket().emit("private-projects.other", "subscription.error", { code: "forbidden", message: "No." });
    expect(refused).toHaveBeenCalledWith({ code: "forbidden", message: "No." }, expect.anything());
  });

  it("unsubscribes on leave and stops for good on disconnect", async () => {
    const { rt, socket, states } = setup();
    const channel = rt.private("projects.p1").listen("task.created", vi.fn());
    await vi.advanceTimersByTimeAsync(0);
    socket().open();
    expect(channel.listening()).toBe(true);
    rt.leave("projects.p1");
    expect(socket().frames.at(-1)).toEqual({ action: "unsubscribe", channel: "private-projects.p1" });
    expect(channel.listening()).toBe(false);
    rt.disconnect();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(FakeSocket.opened).toHaveLength(1);
    expect(states.at(-1)).toBe("disconnected");
  });
});
