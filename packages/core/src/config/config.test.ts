import { describe, expect, it } from "vitest";
import { ConfigError, parse } from ".";

const valid = {
  DATA_TABLE: "app-data",
  REALTIME_TABLE: "app-realtime",
  UPLOADS_BUCKET: "app-uploads",
  AGENT_QUEUE_URL: "http://127.0.0.1:1/000000000000/agent",
  WS_MANAGEMENT_URL: "http://127.0.0.1:2",
  WS_PUBLIC_URL: "ws://127.0.0.1:2",
  PUBLIC_URL: "http://localhost:3000",
};

describe("configuration", () => {
  it("names every missing variable in one clear error", () => {
    const { DATA_TABLE: _, AGENT_QUEUE_URL: __, ...rest } = valid;
    expect(() => parse(rest)).toThrow(ConfigError);
    expect(() => parse(rest)).toThrow(
      /DATA_TABLE: is required but not set[\s\S]*AGENT_QUEUE_URL: is required but not set/,
    );
  });

  it("says what is wrong with a malformed value", () => {
    expect(() => parse({ ...valid, AI_TIMEOUT: "soon" })).toThrow(/AI_TIMEOUT/);
  });

  it("chooses the offline provider without a key and anthropic with one", () => {
    expect(parse(valid).ai.provider).toBe("offline");
    expect(parse({ ...valid, ANTHROPIC_API_KEY: "k" }).ai.provider).toBe("anthropic");
    expect(parse({ ...valid, CORS_ORIGINS: "http://a, http://b" }).corsOrigins).toEqual([
      "http://a",
      "http://b",
    ]);
  });
});
