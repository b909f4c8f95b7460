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
  role: "assistant" as const,
  seq,
  delta: text,
  done,
});

/** The resume frames the client sent, on every socket it opened. */
const resumes = () => FakeSocket.opened.flatMap((s) => s.frames.filter((f) => f.action === "resume"));

const follow = async (stored: Checkpoint) => {
  const rt = createRealtime({
    ticket: async () => ({ ticket: "t", url: "ws://gateway" }),
    WebSocket: FakeSocket,
    random: () => 0,
  });
  const seen: Record<string, Checkpoint> = {};
  const settled: string[] = [];
  const thread = followThread({
    realtime: rt,
    threadId: "th1",
    onChange: (id, state) => {
      seen[id] = state;
    },
    onSettled: (event) => settled.push(event),
    gapTimeoutMs: 100,
  });
  await vi.advanceTimersByTimeAsync(0);
  FakeSocket.opened.at(-1)?.open();
  const socket = () => FakeSocket.opened.at(-1) as FakeSocket;
  let served = 0;
  /** Answers the resumes sent so far as the server would: with `stored` when it is news. */
  const serve = () => {
    for (const frame of resumes().splice(served)) {
      served++;
      if (stored.lastSeq > (frame.afterSeq as number))
        socket().emit(CHANNEL, "agent.message.checkpoint", {
          threadId: "th1",
          messageId: frame.messageId,
          runId: "r1",
          seq: stored.lastSeq,
          content: stored.content,
          done: Boolean(stored.done),
        });
    }
  };
  return { rt, thread, seen, settled, serve, socket };
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
    const { seen, serve, socket } = await follow({ content: "Hi there", lastSeq: 2 });
    socket().emit(CHANNEL, "agent.message.delta", delta(1, "Hi"));
    socket().emit(CHANNEL, "agent.message.delta", delta(3, ","));
    expect(seen.m1?.content).toBe("Hi");
    await vi.advanceTimersByTimeAsync(100);
    expect(resumes()).toEqual([{ action: "resume", channel: CHANNEL, messageId: "m1", afterSeq: 1 }]);
    serve();
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
    const { seen, serve, socket } = await follow({ content: "Hi there, Ann", lastSeq: 4 });
    socket().emit(CHANNEL, "agent.message.delta", delta(1, "Hi"));
    socket().close();
    await vi.advanceTimersByTimeAsync(0);
    socket().open();
    await vi.advanceTimersByTimeAsync(0);
    expect(socket().frames.map((f) => f.action)).toEqual(["subscribe"]);
    // Asked once the subscription is back, so no delta falls between the checkpoint and it.
    socket().emit(CHANNEL, "subscription.succeeded");
    expect(socket().frames.map((f) => f.action)).toEqual(["subscribe", "resume"]);
    serve();
    expect(seen.m1).toMatchObject({ content: "Hi there, Ann", lastSeq: 4 });
  });

  it("a tab seeded before its subscription opened catches up once it is subscribed", async () => {
    const { thread, seen, serve, socket } = await follow({
      content: "Hi there",
      lastSeq: 3,
      done: true,
    });
    thread.seed("m1", { content: "Hi", lastSeq: 1 });
    socket().emit(CHANNEL, "subscription.succeeded");
    await vi.advanceTimersByTimeAsync(0);
    expect(resumes()).toEqual([{ action: "resume", channel: CHANNEL, messageId: "m1", afterSeq: 1 }]);
    serve();
    expect(seen.m1).toEqual({ content: "Hi there", lastSeq: 3, done: true });
  });

  it("an answer whose final delta was missed is finished from the checkpoint once it falls silent", async () => {
    const { seen, settled, serve, socket } = await follow({ content: "Hi there", lastSeq: 3, done: true });
    socket().emit(CHANNEL, "agent.message.delta", delta(1, "Hi"));
    socket().emit(CHANNEL, "agent.message.delta", delta(2, " there"));
    await vi.advanceTimersByTimeAsync(2_900);
    expect(resumes()).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(200);
    serve();
    expect(seen.m1).toEqual({ content: "Hi there", lastSeq: 3, done: true });
    // The caller reloads the stored message: its status is no longer streaming.
    expect(settled).toEqual(["agent.message.checkpoint"]);
    await vi.advanceTimersByTimeAsync(10_000);
    expect(resumes()).toHaveLength(1);
  });

  it("stops listening when the screen closes", async () => {
    const { thread, seen, socket } = await follow({ content: "", lastSeq: 0 });
    thread.stop();
    expect(socket().frames.at(-1)).toEqual({ action: "unsubscribe", channel: CHANNEL });
    socket().emit(CHANNEL, "agent.message.delta", delta(1, "Hi"));
    expect(seen.m1).toBeUndefined();
  });
});
