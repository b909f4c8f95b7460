import { describe, expect, it } from "vitest";
import { amountOf, daysOf, proposalOf, withoutCitations } from "./proposal";

describe("reading a drafted change order", () => {
  it("reads plain labelled lines, dropping the citations from the fields", () => {
    const answer = [
      "Title: Extra socket by the island",
      "Description: Add a double socket on the island's end panel. [message:m1]",
      "Reason: The client asked for it on site. [message:m2]",
      "Cost: $650 [message:m1]",
      "Schedule: 2 days [message:m2]",
    ].join("\n");
    expect(proposalOf(answer, "USD")).toEqual({
      title: "Extra socket by the island",
      description: "Add a double socket on the island's end panel.",
      reason: "The client asked for it on site.",
      costDelta: 65_000,
      scheduleDeltaDays: 2,
      costFound: true,
      scheduleFound: true,
    });
  });

  it("reads the markdown a real model wraps its answer in, and a description over several lines", () => {
    const answer = [
      "Here is a draft change order based on the messages:",
      "",
      "## Title: Quartz worktops instead of granite",
      "- **Description:** Swap the granite worktops for quartz.",
      "  Includes templating and fitting.",
      "- **Reason**: The client changed their mind [message:m3].",
      "- **Cost delta**: £1,200.50 (quoted by the supplier) [message:m3]",
      "- **Schedule delta** — about 1 week extra",
    ].join("\n");
    expect(proposalOf(answer, "USD")).toMatchObject({
      title: "Quartz worktops instead of granite",
      description: "Swap the granite worktops for quartz.\nIncludes templating and fitting.",
      reason: "The client changed their mind.",
      costDelta: 120_050,
      scheduleDeltaDays: 7,
    });
  });

  it("leaves the cost and days at 0, marked not found, when the answer says there are none", () => {
    const answer = "Title: New light\nCost: none found in the messages\nSchedule: not mentioned";
    expect(proposalOf(answer, "USD")).toMatchObject({
      costDelta: 0,
      scheduleDeltaDays: 0,
      costFound: false,
      scheduleFound: false,
    });
    expect(proposalOf("I could not find a change in these messages.", "USD")).toMatchObject({
      title: "",
      costFound: false,
    });
  });

  it("takes a total after '=', credits as negative, and weeks as seven days", () => {
    expect(amountOf("$650 + $200 = $850", "USD")).toBe(85_000);
    expect(amountOf("a credit of $80", "USD")).toBe(-8_000);
    expect(amountOf("-€45.5", "USD")).toBe(-4_550);
    expect(amountOf("$2k", "USD")).toBe(200_000);
    expect(amountOf("about 650", "USD")).toBeUndefined();
    expect(daysOf("2 extra working days")).toBe(2);
    expect(daysOf("saves 3 days")).toBe(-3);
    expect(daysOf("2 weeks")).toBe(14);
    expect(daysOf("no change")).toBeUndefined();
  });

  it("counts minor units in the workspace's currency, whatever its digits, and knows its symbol", () => {
    expect(amountOf("¥120,000", "JPY")).toBe(120_000);
    expect(amountOf("JPY 120000", "JPY")).toBe(120_000);
    expect(amountOf("BHD 1.250", "BHD")).toBe(1_250);
    expect(amountOf("CHF 80.50", "CHF")).toBe(8_050);
    expect(amountOf("CA$1,200", "CAD")).toBe(120_000);
    expect(proposalOf("Title: Extra sockets\nCost: ¥45,000", "JPY")).toMatchObject({
      costDelta: 45_000,
      costFound: true,
    });
  });

  it("keeps a title within what a change order takes", () => {
    expect(proposalOf(`Title: ${"x".repeat(300)}`, "USD").title).toHaveLength(200);
    expect(withoutCitations("Done [task:t1] and said [message:m2].")).toBe("Done and said.");
  });
});
