import { describe, expect, it } from "vitest";
import { distribution, percentile } from "./stats";

describe("percentiles", () => {
  it("are nearest-rank: always a value that was measured", () => {
    const sorted = Array.from({ length: 100 }, (_, i) => i + 1);
    expect(percentile(sorted, 50)).toBe(50);
    expect(percentile(sorted, 95)).toBe(95);
    expect(percentile(sorted, 99)).toBe(99);
    expect(percentile([7, 9], 50)).toBe(7);
  });

  it("of one sample are that sample, and of none are not a number", () => {
    expect(percentile([42], 99)).toBe(42);
    expect(percentile([], 50)).toBeNaN();
  });

  it("sort unsorted samples before ranking them, and report the mean and max", () => {
    const d = distribution([30, 10, 20, 40]);
    expect(d).toEqual({ count: 4, p50: 20, p95: 40, p99: 40, max: 40, mean: 25 });
  });
});
