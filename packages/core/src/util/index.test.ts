import { afterEach, describe, expect, it, vi } from "vitest";
import { createId } from "./index";

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
