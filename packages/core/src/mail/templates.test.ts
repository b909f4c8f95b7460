import { describe, expect, it } from "vitest";
import { provide } from "../config";
import { WIRING } from "../testing/wiring";
import { budgetWarningEmail, changeOrderEmail, digestEmail, inviteEmail, resetEmail } from "./templates";

const S3_URL = "https://rehome-site.s3.eu-west-1.amazonaws.com/index.html";
const linkIn = (email: { text: string }) => email.text.match(/https?:\/\/\S+/)?.[0] ?? "";

describe("links in emails", () => {
  it("open the route in the fragment of the S3 REST endpoint's index.html, which has no fallback for paths", () => {
    provide({ ...WIRING, PUBLIC_URL: S3_URL });
    const link = new URL(linkIn(budgetWarningEmail({ to: "a@example.com", headline: "h", detail: "d" })));
    expect(link.href).toBe(`${S3_URL}#/admin/cost`);
    expect(link.pathname).toBe("/index.html");
    expect(linkIn(digestEmail({ to: "a@example.com", title: "t", content: "c", projectId: "p1" }))).toBe(
      `${S3_URL}#/projects/p1`,
    );
  });

  it("carry a single-use token only in the fragment, so it never reaches a server", () => {
    provide({ ...WIRING, PUBLIC_URL: S3_URL });
    const email = resetEmail({ to: "a@example.com", token: "id.se/cr+et", expiresAt: "2030-01-01" });
    const link = new URL(linkIn(email));
    expect(link.search).toBe("");
    expect(link.hash).toBe("#/reset-password?token=id.se%2Fcr%2Bet");
    expect(new URLSearchParams(link.hash.split("?")[1]).get("token")).toBe("id.se/cr+et");
    expect(email.html).toContain(`href="${link.href}"`);
  });

  it("open the local runtime's root, which serves the SPA", () => {
    provide({ ...WIRING, PUBLIC_URL: "http://localhost:3000" });
    expect(linkIn(digestEmail({ to: "a@example.com", title: "t", content: "c", projectId: null }))).toBe(
      "http://localhost:3000/#/admin/digest",
    );
  });
});

describe("dates in emails", () => {
  it("are written in words with their time zone, never as an ISO timestamp", () => {
    provide({ ...WIRING, PUBLIC_URL: "http://localhost:3000" });
    const email = inviteEmail({
      to: "a@example.com",
      workspaceName: "Acme",
      inviterName: "Ada",
      token: "t",
      expiresAt: "2026-12-05T04:40:01.525Z",
    });
    expect(email.text).toContain("expires on Saturday 5 December 2026 at 04:40 UTC.");
    expect(email.text).not.toMatch(/\d{4}-\d{2}-\d{2}T/);
  });

  it("say when a repeated digest was first written in words, never as an ISO timestamp", () => {
    provide({ ...WIRING, PUBLIC_URL: "http://localhost:3000" });
    const email = digestEmail({
      to: "a@example.com",
      title: "Daily digest — Kitchen",
      content: "Where things stand",
      projectId: "p1",
      cachedFrom: "2026-12-01T07:00:00.000Z",
    });
    expect(email.text).toContain("repeats the digest of Tuesday 1 December 2026 at 07:00 UTC.");
    expect(email.text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
  });
});

describe("change order emails", () => {
  it("write the amount with its sign and currency, the schedule and the decision day in words, and open the Changes tab", () => {
    provide({ ...WIRING, PUBLIC_URL: "http://localhost:3000" });
    const email = changeOrderEmail({
      to: "a@example.com",
      projectName: "Elm Street",
      projectId: "p1",
      title: "Credit for the old boiler",
      costDelta: -12_050,
      currency: "EUR",
      scheduleDeltaDays: -1,
      decisionDue: "2026-12-05",
    });
    expect(email.text).toContain("Cost: -€120.50; 1 day taken off the schedule.");
    expect(email.text).toContain("by the end of Saturday 5 December 2026 (UTC)");
    expect(linkIn(email)).toBe("http://localhost:3000/#/projects/p1/changes");
  });
});
