import { describe, expect, it } from "vitest";
import { type Checkpoint, createAnswerStream } from "./answer-stream";

const follow = () => {
  const states: Checkpoint[] = [];
  const stream = createAnswerStream({ onChange: (s) => states.push(s) });
  return { stream, last: () => states.at(-1) };
};

describe("an agent answer stream", () => {
  it("applies deltas in seq order even when they arrive out of order", () => {
    const { stream, last } = follow();
    stream.delta({ seq: 2, delta: " world", done: false });
    expect(last()?.content).toBe("");
    stream.delta({ seq: 1, delta: "hello", done: false });
    stream.delta({ seq: 3, delta: "", done: true });
    expect(last()).toEqual({ content: "hello world", lastSeq: 3, done: true });
  });

  it("ignores deltas it already applied and catches up from a checkpoint", () => {
    const { stream, last } = follow();
    stream.delta({ seq: 5, delta: "!", done: false });
    stream.checkpoint({ content: "abcd", lastSeq: 4 });
    stream.delta({ seq: 3, delta: "c", done: false });
    expect(last()).toMatchObject({ content: "abcd!", lastSeq: 5 });
  });

  it("rewinds to the server's checkpoint after a worker takeover", () => {
    const { stream, last } = follow();
    for (const [seq, delta] of [
      [1, "a"],
      [2, "b"],
      [3, "x"],
    ] as const)
      stream.delta({ seq, delta, done: false });
    stream.rewound({ seq: 2, content: "ab" });
    stream.delta({ seq: 3, delta: "c", done: true });
    expect(last()).toEqual({ content: "abc", lastSeq: 3, done: true });
  });
});
