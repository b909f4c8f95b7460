import { describe, expect, it } from "vitest";
import { settle } from "./settle";

describe("markdown cut off mid-way", () => {
  it("closes bold, italic, strike and code spans left open, innermost first", () => {
    expect(settle("Next: **Rough-in plumbing")).toBe("Next: **Rough-in plumbing**");
    expect(settle("**Tiles** then *grout")).toBe("**Tiles** then *grout*");
    expect(settle("**Tiles and *grout")).toBe("**Tiles and *grout***");
    expect(settle("~~old plan")).toBe("~~old plan~~");
    expect(settle("run `npm")).toBe("run `npm`");
  });

  it("closes an open code fence and leaves what is inside it alone", () => {
    expect(settle("```\nconst a = 2 ** 3")).toBe("```\nconst a = 2 ** 3\n```");
  });

  it("leaves out a citation still being written", () => {
    expect(settle("The worktop is blocked [task:ab")).toBe("The worktop is blocked ");
    expect(settle("See [mess")).toBe("See ");
  });

  it("leaves finished markdown, list bullets and emphasis in code as they are", () => {
    for (const done of [
      "**Done** and *done*",
      "- one\n- two\n* three",
      "use `a*b` here",
      "[↗ task](/p/board)",
    ])
      expect(settle(done)).toBe(done);
  });
});
