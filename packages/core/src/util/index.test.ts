import { afterEach, describe, expect, it, vi } from "vitest";
import { createId, limiter } from "./index";

afterEach(() => vi.restoreAllMocks());

describe("createId", () => {
  it("sorts ids made within one millisecond in the order they were made", () => {
    vi.spyOn(Date, "now").mockReturnValue(Date.UTC(2026, 4, 1, 12));
    const ids = Array.from({ length: 5000 }, () => createId());
    expect([...ids].sort()).toEqual(ids);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it("keeps creation order when the clock steps back", () => {
    const now = vi.spyOn(Date, "now").mockReturnValue(Date.UTC(2026, 4, 1, 12, 0, 1));
    const first = createId();
    now.mockReturnValue(Date.UTC(2026, 4, 1, 12, 0, 0));
    expect(createId() > first).toBe(true);
  });
});

describe("limiter", () => {
  it("runs no more than its limit at once, starts the rest in order, and frees a slot on failure", async () => {
    const slot = limiter(2);
    let running = 0;
    let most = 0;
    const started: number[] = [];
    const task = (i: number) => async () => {
      started.push(i);
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 5));
      running--;
      if (i === 1) throw new Error("task 1 failed");
      return i;
    };
    const results = await Promise.allSettled([0, 1, 2, 3, 4].map((i) => slot(task(i))));
    expect(most).toBe(2);
    expect(started).toEqual([0, 1, 2, 3, 4]);
    expect(results.map((r) => r.status)).toEqual([
      "fulfilled",
      "rejected",
      "fulfilled",
      "fulfilled",
      "fulfilled",
    ]);
    expect(await slot(async () => "after")).toBe("after");
  });
});
