import { describe, expect, it } from "vitest";
import { daysOf, endOf, secondsUntilEnd } from "./period";

describe("budget periods (UTC)", () => {
  it("a daily budget resets at the next UTC midnight, a monthly one on the 1st", () => {
    const lateOnNewYearsEve = new Date("2025-12-31T23:59:30Z");
    expect(secondsUntilEnd("day", lateOnNewYearsEve)).toBe(30);
    expect(secondsUntilEnd("month", lateOnNewYearsEve)).toBe(30);
    const midMonth = new Date("2026-02-14T12:00:00Z");
    expect(secondsUntilEnd("day", midMonth)).toBe(12 * 3600);
    expect(secondsUntilEnd("month", midMonth)).toBe((14 * 24 + 12) * 3600);
  });

  it("tells when a period ends: the next UTC midnight, or the 1st of the next month", () => {
    const lateOnNewYearsEve = new Date("2025-12-31T23:59:30Z");
    expect(endOf("day", lateOnNewYearsEve).toISOString()).toBe("2026-01-01T00:00:00.000Z");
    expect(endOf("month", new Date("2024-02-29T12:00:00Z")).toISOString()).toBe("2024-03-01T00:00:00.000Z");
  });

  it("never tells a caller to retry in less than a second", () => {
    expect(secondsUntilEnd("day", new Date("2026-03-01T23:59:59.900Z"))).toBe(1);
  });

  it("lists every day of a past month, and the current month only up to today", () => {
    const now = new Date("2026-03-03T08:00:00Z");
    expect(daysOf("2024-02", now)).toHaveLength(29);
    expect(daysOf("2026-03", now)).toEqual(["2026-03-01", "2026-03-02", "2026-03-03"]);
    expect(daysOf("2026-04", now)).toEqual([]);
  });
});
