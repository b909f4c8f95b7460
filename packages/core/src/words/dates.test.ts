import { describe, expect, it } from "vitest";
import { dayWords, dueWords, inWords, withDatesInWords } from "./dates";

const TODAY = "2026-12-02T08:00:00.000Z";
const ISO_DATE = /\d{4}-\d{2}-\d{2}/;

describe("dates in words", () => {
  it("name a day by weekday, day and month, with the year only when it is not this one", () => {
    expect(dayWords("2026-12-11", TODAY)).toBe("Fri 11 Dec");
    expect(dayWords("2026-12-05T04:40:01.525Z", TODAY)).toBe("Sat 5 Dec");
    expect(dayWords("2027-01-05", TODAY)).toBe("Tue 5 Jan 2027");
  });

  it("say when something is due from today: soon in days, later by its day, late by how late", () => {
    expect(dueWords("2026-12-02", TODAY)).toBe("due today");
    expect(dueWords("2026-12-03", TODAY)).toBe("due tomorrow");
    expect(dueWords("2026-12-05", TODAY)).toBe("due in 3 days");
    expect(dueWords("2026-12-11", TODAY)).toBe("due Fri 11 Dec");
    expect(dueWords("2026-12-01", TODAY)).toBe("overdue by 1 day");
    expect(dueWords("2026-11-28", TODAY)).toBe("overdue by 4 days");
  });

  it("leave no ISO date in a text: due dates become how soon, other dates and timestamps their day", () => {
    const text = [
      "- Tile the floor — Tom, due 2026-12-05 [task:01abc]",
      "- Order worktop — Due 2026-11-30, blocked since 2026-11-28",
      "- **Ada**, 2026-12-01T16:20:00.000Z: the skip arrives on 2026-12-11.",
    ].join("\n");
    const worded = withDatesInWords(text, TODAY);
    expect(worded).not.toMatch(ISO_DATE);
    expect(worded).toBe(
      [
        "- Tile the floor — Tom, due in 3 days [task:01abc]",
        "- Order worktop — Overdue by 2 days, blocked since Sat 28 Nov",
        "- **Ada**, Tue 1 Dec: the skip arrives on Fri 11 Dec.",
      ].join("\n"),
    );
  });

  it("write a moment exactly, with its time zone", () => {
    expect(inWords("2026-12-05T04:40:01.525Z")).toBe("Saturday 5 December 2026 at 04:40 UTC");
  });
});
