// EventBridge schedule expressions as the rehearsal fires them (UTC).
import { describe, expect, it } from "vitest";
import { nextFire } from "./schedules";

const at = (iso: string) => new Date(iso);

describe("schedule expressions", () => {
  it("fires a daily cron at its next 07:00 UTC and a weekly one on the next Monday", () => {
    expect(nextFire("cron(0 7 * * ? *)", at("2026-12-02T06:59:30Z")).toISOString()).toBe(
      "2026-12-02T07:00:00.000Z",
    );
    expect(nextFire("cron(0 7 * * ? *)", at("2026-12-02T07:00:00Z")).toISOString()).toBe(
      "2026-12-03T07:00:00.000Z",
    );
    // 2026-12-02 is a Wednesday.
    expect(nextFire("cron(0 7 ? * MON *)", at("2026-12-02T08:00:00Z")).toISOString()).toBe(
      "2026-12-07T07:00:00.000Z",
    );
  });

  it("reads lists, ranges and steps, and rate() expressions", () => {
    expect(nextFire("cron(0/15 8-9 ? * MON-FRI *)", at("2026-12-05T10:00:00Z")).toISOString()).toBe(
      "2026-12-07T08:00:00.000Z",
    );
    expect(nextFire("rate(5 minutes)", at("2026-12-02T00:00:00Z")).toISOString()).toBe(
      "2026-12-02T00:05:00.000Z",
    );
  });

  it("refuses what it cannot rehearse instead of never firing", () => {
    expect(() => nextFire("cron(0 7 L * ? *)", new Date())).toThrow("not rehearsed");
    expect(() => nextFire("at(2026-12-24T18:00:00)", new Date())).toThrow("not rehearsed");
  });
});
