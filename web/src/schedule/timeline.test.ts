import { describe, expect, it } from "vitest";
import { addDays, groupsOf, mondayOf, shifted, spanOf, weeksOf } from "./timeline";

const task = (over: Record<string, unknown>) =>
  ({
    id: "t",
    title: "Task",
    status: "todo",
    assigneeId: null,
    startDate: null,
    dueDate: null,
    ...over,
  }) as never;

describe("the schedule's day arithmetic", () => {
  it("spans a task from its start to its due date, or over the one date it has", () => {
    expect(spanOf({ startDate: "2026-12-01", dueDate: "2026-12-04" })).toEqual({
      start: "2026-12-01",
      end: "2026-12-04",
    });
    expect(spanOf({ startDate: null, dueDate: "2026-12-04" })).toEqual({
      start: "2026-12-04",
      end: "2026-12-04",
    });
    expect(spanOf({ startDate: null, dueDate: null })).toBeUndefined();
  });

  it("shows whole weeks from Monday, covering today and every task, with a week to spare", () => {
    expect(mondayOf("2026-12-06")).toBe("2026-11-30");
    expect(weeksOf([{ start: "2026-12-09", end: "2026-12-20" }], "2026-12-02")).toEqual([
      "2026-11-30",
      "2026-12-07",
      "2026-12-14",
      "2026-12-21",
    ]);
    expect(weeksOf([], "2026-12-02", 3)).toEqual(["2026-11-30", "2026-12-07", "2026-12-14"]);
  });

  it("moves both dates by whole days across month ends, leaving a missing date unset", () => {
    expect(shifted({ startDate: "2026-11-29", dueDate: "2026-12-01" }, 3)).toEqual({
      startDate: "2026-12-02",
      dueDate: "2026-12-04",
    });
    expect(shifted({ startDate: null, dueDate: "2027-01-01" }, -1)).toEqual({
      startDate: null,
      dueDate: "2026-12-31",
    });
    expect(addDays("2028-02-28", 1)).toBe("2028-02-29");
  });

  it("groups by assignee by name with the unassigned last, each by start date", () => {
    const groups = groupsOf(
      [
        task({ id: "1", assigneeId: null, dueDate: "2026-12-01" }),
        task({ id: "2", assigneeId: "b", dueDate: "2026-12-05" }),
        task({ id: "3", assigneeId: "a", dueDate: "2026-12-09" }),
        task({ id: "4", assigneeId: "b", startDate: "2026-12-02", dueDate: "2026-12-03" }),
      ],
      "assignee",
      (id) => ({ a: "Zoe", b: "Adam" })[id] ?? id,
    );
    expect(groups.map((g) => [g.label, g.tasks.map((t) => t.id)])).toEqual([
      ["Adam", ["4", "2"]],
      ["Zoe", ["3"]],
      ["Unassigned", ["1"]],
    ]);
  });
});
