import { describe, expect, it } from "vitest";
import { loggable, parseJob } from "./job";

const reset = { type: "password.reset", email: "ann@example.com", requestedAt: "2025-03-01T09:30:00.000Z" };

describe("password-reset jobs", () => {
  it("parse with the email and when it was asked for, and nothing short of that", () => {
    expect(parseJob(JSON.stringify(reset))).toEqual(reset);
    expect(parseJob(JSON.stringify({ ...reset, requestedAt: "yesterday" }))).toBeUndefined();
    const { email: _, ...noEmail } = reset;
    expect(parseJob(JSON.stringify(noEmail))).toBeUndefined();
  });

  it("show only their type in a log line, never the email address", () => {
    const job = parseJob(JSON.stringify(reset));
    expect(job && loggable(job)).toEqual({ type: "password.reset" });
    const draft = { type: "draft.write", workspaceId: "w1", draftId: "d1" } as const;
    expect(loggable(draft)).toEqual(draft);
  });
});
