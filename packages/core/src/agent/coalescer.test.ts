import { describe, expect, it } from "vitest";
import { coalesce } from "./coalescer";

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A flush that records deltas and takes `sendMs` to send each. */
function recorder(sendMs: number) {
  const deltas: string[] = [];
  return { deltas, flush: async (text: string) => void (await sleep(sendMs), deltas.push(text)) };
}

describe("the coalescer", () => {
  it("sends the tokens of one window as one delta, in order", async () => {
    const sent = recorder(0);
    const coalescer = coalesce({ windowMs: 30, maxChars: 512, flush: sent.flush });
    for (const token of ["a", "b", "c"]) coalescer.push(token);
    await sleep(60);
    coalescer.push("d");
    await coalescer.drain();
    expect(sent.deltas).toEqual(["abc", "d"]);
  });

  it("lets the first token leave at once and later ones at most once per window", async () => {
    const sent = recorder(0);
    const coalescer = coalesce({ windowMs: 80, maxChars: 512, flush: sent.flush });
    coalescer.push("a");
    await sleep(10);
    expect(sent.deltas).toEqual(["a"]);
    coalescer.push("b");
    coalescer.push("c");
    await sleep(20);
    expect(sent.deltas).toEqual(["a"]);
    await sleep(80);
    expect(sent.deltas).toEqual(["a", "bc"]);
    await coalescer.drain();
  });

  it("sends at once when the size limit is reached", async () => {
    const sent = recorder(0);
    const coalescer = coalesce({ windowMs: 10_000, maxChars: 3, flush: sent.flush });
    for (const token of ["ab", "cd", "e"]) coalescer.push(token);
    await coalescer.drain();
    expect(sent.deltas).toEqual(["abcd", "e"]);
  });

  it("gathers tokens while a slow delta is in flight instead of queueing one delta per window", async () => {
    const sent = recorder(100);
    const coalescer = coalesce({ windowMs: 10, maxChars: 512, flush: sent.flush });
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
    const coalescer = coalesce({ windowMs: 0, maxChars: 1, flush: sent.flush });
    for (const token of ["a", "b", "c", "d"]) coalescer.push(token);
    await coalescer.drain();
    expect(sent.deltas).toEqual(["a", "b", "c", "d"]);
  });
});
