import { describe, expect, it } from "vitest";
import { isOverdue } from "./due";

describe("isOverdue", () => {
  it("calls an open task overdue once its due day is before today, a done or undated one never", () => {
    expect(isOverdue({ dueDate: "2026-12-01", status: "todo" }, "2026-12-02")).toBe(true);
    expect(isOverdue({ dueDate: "2026-12-01", status: "blocked" }, "2026-12-02")).toBe(true);
    expect(isOverdue({ dueDate: "2026-12-02", status: "todo" }, "2026-12-02")).toBe(false);
    expect(isOverdue({ dueDate: "2026-12-01", status: "done" }, "2026-12-02")).toBe(false);
    expect(isOverdue({ dueDate: null, status: "todo" }, "2026-12-02")).toBe(false);
  });
});
