import { describe, expect, it } from "vitest";
import { WIRING } from "../testing/wiring";
import { ConfigError, parse } from ".";

const valid = WIRING;

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

  it("sends no temperature unless one is set, and an effort unless it is emptied", () => {
    expect(parse(valid).ai).toMatchObject({
      model: "claude-sonnet-5-5",
      temperature: undefined,
      effort: "low",
    });
    expect(parse({ ...valid, AI_TEMPERATURE: "", AI_EFFORT: "" }).ai).toMatchObject({
      temperature: undefined,
      effort: undefined,
    });
    expect(parse({ ...valid, AI_TEMPERATURE: "0.3", AI_EFFORT: "high" }).ai).toMatchObject({
      temperature: 0.3,
      effort: "high",
    });
    expect(() => parse({ ...valid, AI_EFFORT: "extreme" })).toThrow(/AI_EFFORT/);
  });

  it("offers AI_MODEL and AI_MODELS to admins, with an optional fallback", () => {
    expect(parse(valid).ai).toMatchObject({ models: ["claude-sonnet-5-5"], fallbackModel: undefined });
    const ai = parse({
      ...valid,
      AI_MODELS: "claude-haiku-5, claude-sonnet-5-5",
      AI_FALLBACK_MODEL: "claude-haiku-5",
    }).ai;
    expect(ai).toMatchObject({
      models: ["claude-sonnet-5-5", "claude-haiku-5"],
      fallbackModel: "claude-haiku-5",
    });
  });

  it("reads a price table per model, with cache prices following the input price when left out", () => {
    const { prices } = parse({
      ...valid,
      AI_PRICES: "claude-haiku-5=80:400, vendor.model-v1:0=300:1500:375:30",
    }).ai;
    expect(prices.byModel).toEqual({
      "claude-haiku-5": { input: 80, output: 400, cacheWrite: 100, cacheRead: 8 },
      "vendor.model-v1:0": { input: 300, output: 1500, cacheWrite: 375, cacheRead: 30 },
    });
    expect(prices.other).toEqual({ input: 200, output: 1000, cacheWrite: 250, cacheRead: 20 });
    for (const bad of ["claude=1", "claude=1:2:3", "=1:2", "claude=a:b", "claude=-1:2"])
      expect(() => parse({ ...valid, AI_PRICES: bad }), bad).toThrow(/AI_PRICES/);
  });

  it("keeps AI_TOKEN_SAFETY percent of the context budget free, 10 unless set", () => {
    expect(parse(valid).ai.context.safety).toBe(0.1);
    expect(parse({ ...valid, AI_TOKEN_SAFETY: "25" }).ai.context.safety).toBe(0.25);
    expect(() => parse({ ...valid, AI_TOKEN_SAFETY: "95" })).toThrow(/AI_TOKEN_SAFETY/);
  });

  it("refuses checkpoints no shorter than the lease, which would let a retry take over a live stream", () => {
    expect(() => parse({ ...valid, AGENT_LEASE_SECONDS: "1" })).toThrow(
      /STREAM_CHECKPOINT_MS: must be shorter than AGENT_LEASE_SECONDS \(1 s\)/,
    );
    expect(parse({ ...valid, AGENT_LEASE_SECONDS: "1", STREAM_CHECKPOINT_MS: "400" }).stream.leaseMs).toBe(
      1000,
    );
    expect(parse({ ...valid, STREAM_CHECKPOINT_MS: "0" }).stream.checkpointMs).toBe(0);
  });
});
