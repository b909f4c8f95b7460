import { describe, expect, it } from "vitest";
import { dayAfter, escapeText, fold, write } from "./ics";

const event = {
  uid: "task-t1@rehome",
  start: "2026-12-02",
  end: "2026-12-04",
  summary: "Tile the bathroom",
  stamp: "2026-12-01T08:30:00.000Z",
};

/** The logical lines of a document: unfolded, without their CRLF. */
const unfolded = (ics: string) => ics.replace(/\r\n /g, "").split("\r\n");

describe("the iCalendar writer", () => {
  it("escapes commas, semicolons, backslashes and line breaks in text", () => {
    expect(escapeText("Tiles, grout; sealant\\done\nthen\r\npaint")).toBe(
      "Tiles\\, grout\\; sealant\\\\done\\nthen\\npaint",
    );
  });

  it("folds a long line into lines of at most 75 octets that unfold to the original", () => {
    const line = `SUMMARY:${"Replace the kitchen cabinets and worktops ".repeat(5)}`;
    const folded = fold(line);
    const lines = folded.split("\r\n");
    expect(lines.length).toBeGreaterThan(2);
    for (const part of lines) expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
    expect(lines.slice(1).every((part) => part.startsWith(" "))).toBe(true);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
  });

  it("never splits a multi-byte character when folding", () => {
    const line = `SUMMARY:${"Küche über Ölfarbe – ".repeat(8)}`;
    const lines = fold(line).split("\r\n");
    for (const part of lines) {
      expect(Buffer.byteLength(part, "utf8")).toBeLessThanOrEqual(75);
      expect(Buffer.from(part, "utf8").toString("utf8")).toBe(part);
    }
    expect(fold(line).replace(/\r\n /g, "")).toBe(line);
  });

  it("writes all-day events whose DTEND is the day after the last day", () => {
    const lines = unfolded(write({ name: "Kitchen", events: [event] }));
    expect(lines).toContain("DTSTART;VALUE=DATE:20261202");
    expect(lines).toContain("DTEND;VALUE=DATE:20261205");
    expect(lines).toContain("DTSTAMP:20261201T083000Z");
    expect(lines).toContain("UID:task-t1@rehome");
  });

  it("rolls the exclusive end over months and years", () => {
    expect(dayAfter("2026-12-31")).toBe("2027-01-01");
    expect(dayAfter("2028-02-28")).toBe("2028-02-29");
  });

  it("ends every line with CRLF and wraps the events in one VCALENDAR", () => {
    const ics = write({ name: "Kitchen; phase 1", events: [event, { ...event, uid: "task-t2@rehome" }] });
    expect(ics.endsWith("END:VCALENDAR\r\n")).toBe(true);
    expect(ics.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
    const lines = unfolded(ics);
    expect(lines[0]).toBe("BEGIN:VCALENDAR");
    expect(lines).toContain("X-WR-CALNAME:Kitchen\\; phase 1");
    expect(lines.filter((l) => l === "BEGIN:VEVENT")).toHaveLength(2);
  });
});
