import { describe, expect, it } from "vitest";
import { ago, dayOf } from "./When";

const NOW = new Date(2026, 11, 2, 15, 0);
const at = (hoursAgo: number) => new Date(NOW.getTime() - hoursAgo * 3_600_000).toISOString();

describe("one date language", () => {
  it("says recent moments relatively and older ones as a short date", () => {
    expect(ago(new Date(NOW.getTime() - 20_000).toISOString(), NOW)).toMatch(/now/i);
    expect(ago(at(0.5), NOW)).toMatch(/30 min/);
    expect(ago(at(2), NOW)).toMatch(/2 hr/);
    expect(ago(at(20), NOW)).toMatch(/^yesterday /i);
    expect(ago(at(24 * 40), NOW)).not.toMatch(/\d{4}/);
    expect(ago(new Date(2025, 0, 5).toISOString(), NOW)).toMatch(/2025/);
  });

  it("says future moments relatively too", () => {
    expect(ago(at(-0.5), NOW)).toMatch(/in 30 min/);
    expect(ago(at(-20), NOW)).toMatch(/^tomorrow /i);
  });

  it("names due days as days: today, tomorrow, or weekday and date", () => {
    expect(dayOf("2026-12-02", NOW)).toBe("Today");
    expect(dayOf("2026-12-03", NOW)).toBe("Tomorrow");
    expect(dayOf("2026-12-01", NOW)).toBe("Yesterday");
    expect(dayOf("2026-12-11", NOW)).toMatch(/Fri/);
    expect(dayOf("2027-01-11", NOW)).toMatch(/2027/);
  });
});
