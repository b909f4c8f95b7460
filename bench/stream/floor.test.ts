import { describe, expect, it } from "vitest";
import { latencyFloorMs } from "./floor";

describe("the latency floor of a coalescer setting", () => {
  it("at the default 4.05 chunks per delta is 3 gaps plus the gateway: 57.5 ms at 80 tokens/s and 20 ms", () => {
    expect(latencyFloorMs(4.05, 80, 20)).toBe(57.5);
  });

  it("counts the larger deltas only once they hold more than 5% of the tokens", () => {
    expect(latencyFloorMs(4, 80, 20)).toBe(57.5);
    expect(latencyFloorMs(3, 80, 20)).toBe(45);
    expect(latencyFloorMs(3.15, 80, 20)).toBe(45);
    expect(latencyFloorMs(3.2, 80, 20)).toBe(57.5);
    expect(latencyFloorMs(5, 80, 20)).toBe(70);
  });

  it("is the gateway alone when every token is its own delta", () => {
    expect(latencyFloorMs(1, 80, 20)).toBe(20);
  });
});
