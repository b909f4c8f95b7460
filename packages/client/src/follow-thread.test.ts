import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { Checkpoint } from "./answer-stream";
import { followThread } from "./follow-thread";
import { createRealtime } from "./realtime";
import { FakeSocket } from "./testing/fake-socket";

const CHANNEL = "private-agent-threads.th1";
const delta = (seq: number, text: string, done = false) => ({
  threadId: "th1",
  messageId: "m1",
  runId: "r1",
  seq,
  delta: text,
  done,
});

const follow = async (stored: Checkpoint) => {
  const rt = createRealtime({
    ticket: async () => ({ ticket: "t", url: "ws://gateway" }),
    WebSocket: FakeSocket,
    random: () => 0,
  });
  const seen: Record<string, Checkpoint> = {};
  const settled: string[] = [];
  const checkpoint = vi.fn(async () => stored);
  const thread = followThread({
    realtime: rt,
    threadId: "th1",
    checkpoint,
    onChange: (id, state) => {
      seen[id] = state;
    },
    onSettled: (event) => settled.push(event),
    gapTimeoutMs: 100,
  });
  await vi.advanceTimersByTimeAsync(0);
  FakeSocket.opened.at(-1)?.open();
  const socket = () => FakeSocket.opened.at(-1) as FakeSocket;
  return { rt, thread, seen, settled, checkpoint, socket };
};

beforeEach(() => {
  vi.useFakeTimers();
  FakeSocket.opened = [];
});
afterEach(() => vi.useRealTimers());

describe("following an agent thread", () => {
  it("applies a message's deltas in seq order and says when it is done", async () => {
    const { seen, settled, socket } = await follow({ content: "", lastSeq: 0 });
    socket().emit(CHANNEL, "agent.message.delta", delta(2, " there"));
    socket().emit(CHANNEL, "agent.message.delta", delta(1, "Hi"));
    socket().emit(CHANNEL, "agent.message.delta", delta(3, "", true));
    expect(seen.m1).toEqual({ content: "Hi there", lastSeq: 3, done: true });
    expect(settled).toContain("agent.message.delta");
  });

  it("fills a gap that does not close by itself from the stored checkpoint", async () => {
    const { seen, checkpoint, socket } = await follow({ content: "Hi there", lastSeq: 2 });
    socket().emit(CHANNEL, "agent.message.delta", delta(1, "Hi"));
    socket().emit(CHANNEL, "agent.message.delta", delta(3, ","));
    expect(seen.m1?.content).toBe("Hi");
    await vi.advanceTimersByTimeAsync(100);
    expect(checkpoint).toHaveBeenCalledWith("m1");
    expect(seen.m1).toMatchObject({ content: "Hi there,", lastSeq: 3 });
  });

  it("a second tab seeded mid-answer applies only later deltas", async () => {
    const { thread, seen, socket } = await follow({ content: "", lastSeq: 0 });
    thread.seed("m1", { content: "Hi there", lastSeq: 2 });
    socket().emit(CHANNEL, "agent.message.delta", delta(2, " there"));
    socket().emit(CHANNEL, "agent.message.delta", delta(3, "!"));
    expect(seen.m1).toMatchObject({ content: "Hi there!", lastSeq: 3 });
  });

  it("catches up from the checkpoint after a reconnect", async () => {
    const { seen, checkpoint, socket } = await follow({ content: "Hi there, Ann", lastSeq: 4 });
    socket().emit(CHANNEL, "agent.message.delta", delta(1, "Hi"));
    socket().close();
    await vi.advanceTimersByTimeAsync(0);
    socket().open();
    await vi.advanceTimersByTimeAsync(0);
    expect(checkpoint).toHaveBeenCalledTimes(1);
    expect(seen.m1).toMatchObject({ content: "Hi there, Ann", lastSeq: 4 });
  });

  it("a tab seeded before its subscription opened catches up once it is subscribed", async () => {
    const { thread, seen, checkpoint, socket } = await follow({
      content: "Hi there",
      lastSeq: 3,
      done: true,
    });
    thread.seed("m1", { content: "Hi", lastSeq: 1 });
    socket().emit(CHANNEL, "subscription.succeeded");
    await vi.advanceTimersByTimeAsync(0);
    expect(checkpoint).toHaveBeenCalledWith("m1");
    expect(seen.m1).toEqual({ content: "Hi there", lastSeq: 3, done: true });
  });

  it("an answer whose final delta was missed is finished from the checkpoint once it falls silent", async () => {
    const { seen, checkpoint, socket } = await follow({ content: "Hi there", lastSeq: 3, done: true });
    socket().emit(CHANNEL, "agent.message.delta", delta(1, "Hi"));
    socket().emit(CHANNEL, "agent.message.delta", delta(2, " there"));
    await vi.advanceTimersByTimeAsync(2_900);
    expect(checkpoint).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(200);
    expect(seen.m1).toEqual({ content: "Hi there", lastSeq: 3, done: true });
    await vi.advanceTimersByTimeAsync(10_000);
    expect(checkpoint).toHaveBeenCalledTimes(1);
  });

  it("stops listening when the screen closes", async () => {
    const { thread, seen, socket } = await follow({ content: "", lastSeq: 0 });
    thread.stop();
    expect(socket().frames.at(-1)).toEqual({ action: "unsubscribe", channel: CHANNEL });
    socket().emit(CHANNEL, "agent.message.delta", delta(1, "Hi"));
    expect(seen.m1).toBeUndefined();
  });
});
