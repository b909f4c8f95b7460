import { describe, expect, it } from "vitest";
import { coalesce } from "./coalescer";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A flush that records deltas and takes `sendMs` to send each. */
function recorder(sendMs: number) {
  const deltas: string[] = [];
  return { deltas, flush: async (text: string) => void (await sleep(sendMs), deltas.push(text)) };
}

const options = { windowMs: 10_000, tokensPerDelta: 1000, maxChars: 512 };

describe("the coalescer", () => {
  it("sends a delta once it holds its count of chunks, in order", async () => {
    const sent = recorder(0);
    const coalescer = coalesce({ ...options, tokensPerDelta: 3, flush: sent.flush });
    for (const token of ["a", "b", "c", "d", "e", "f", "g"]) {
      coalescer.push(token);
      await sleep(2);
    }
    expect(sent.deltas).toEqual(["abc", "def"]);
    await coalescer.drain();
    expect(sent.deltas).toEqual(["abc", "def", "g"]);
  });

  it("mixes delta sizes so a fractional count holds on average", async () => {
    const sent = recorder(0);
    const coalescer = coalesce({ ...options, tokensPerDelta: 4.25, flush: sent.flush });
    for (let i = 0; i < 17 * 4; i++) {
      coalescer.push("x");
      await sleep(2);
    }
    await coalescer.drain();
    expect(sent.deltas.map((d) => d.length)).toEqual([5, 4, 4, 4, 5, 4, 4, 4, 5, 4, 4, 4, 5, 4, 4, 4]);
  });

  it("sends a lone token once it has waited the window", async () => {
    const sent = recorder(0);
    const coalescer = coalesce({ ...options, windowMs: 40, tokensPerDelta: 4, flush: sent.flush });
    coalescer.push("a");
    await sleep(15);
    coalescer.push("b");
    expect(sent.deltas).toEqual([]);
    await sleep(45);
    expect(sent.deltas).toEqual(["ab"]);
    await coalescer.drain();
  });

  it("sends at once when the size limit is reached", async () => {
    const sent = recorder(0);
    const coalescer = coalesce({ ...options, maxChars: 3, flush: sent.flush });
    for (const token of ["ab", "cd", "e"]) coalescer.push(token);
    await coalescer.drain();
    expect(sent.deltas).toEqual(["abcd", "e"]);
  });

  it("gathers tokens while a slow delta is in flight instead of queueing one delta per count", async () => {
    const sent = recorder(100);
    const coalescer = coalesce({ ...options, windowMs: 10, tokensPerDelta: 1, flush: sent.flush });
    for (let i = 0; i < 10; i++) {
      coalescer.push(String(i));
      await sleep(15);
    }
    await coalescer.drain();
    expect(sent.deltas.join("")).toBe("0123456789");
    expect(sent.deltas.length).toBeLessThanOrEqual(4);
  });

  it("with coalescing off sends every token as its own delta, in order", async () => {
    const sent = recorder(5);
    const coalescer = coalesce({ ...options, windowMs: 0, flush: sent.flush });
    for (const token of ["a", "b", "c", "d"]) coalescer.push(token);
    await coalescer.drain();
    expect(sent.deltas).toEqual(["a", "b", "c", "d"]);
  });
});
