import { describe, expect, it } from "vitest";
import { Channel, ClientFrame, parseChannel } from "./channel";

describe("channel names", () => {
  it("round-trips every kind of channel through its name", () => {
    expect(parseChannel(Channel.project("p1"))).toEqual({ kind: "project", id: "p1" });
    expect(parseChannel(Channel.presence("p1"))).toEqual({ kind: "presence", id: "p1" });
    expect(parseChannel(Channel.user("u_1"))).toEqual({ kind: "user", id: "u_1" });
    expect(parseChannel(Channel.agentThread("t-1"))).toEqual({ kind: "agentThread", id: "t-1" });
  });

  it("refuses names that only look like a channel", () => {
    for (const name of [
      "private-projects.",
      "private-projects.a.b",
      "private-projects.*",
      "presence-users.u1",
      "public-projects.p1",
      " private-projects.p1",
      `private-projects.${"x".repeat(65)}`,
    ])
      expect(parseChannel(name), name).toBeUndefined();
  });
});

describe("client frames", () => {
  it("accepts the five actions and nothing else", () => {
    const channel = Channel.presence("p1");
    for (const frame of [
      { action: "subscribe", channel },
      { action: "unsubscribe", channel },
      { action: "whisper", channel, event: "typing", data: { typing: true } },
      { action: "ping" },
      { action: "resume", channel: Channel.agentThread("t1"), messageId: "m1", afterSeq: 0 },
    ])
      expect(ClientFrame.safeParse(frame).success, frame.action).toBe(true);
    for (const frame of [
      { action: "publish", channel, event: "task.created", data: {} },
      { action: "subscribe", channel: "admin" },
      { action: "whisper", channel, event: "", data: {} },
      { channel },
    ])
      expect(ClientFrame.safeParse(frame).success, JSON.stringify(frame)).toBe(false);
  });
});
