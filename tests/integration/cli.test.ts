// The ops CLI against a running stack, as an operator runs it: `health` and `smoke` pass on a
// healthy stack and fail with one clear line and exit code 1 when the stack is down.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rehome, smoke } from "../support/cli";
import { bootStack } from "../support/stack";

let stack: Awaited<ReturnType<typeof bootStack>>;

beforeAll(async () => {
  stack = await bootStack({ env: { OFFLINE_TOKENS_PER_SEC: "400" } });
});
afterAll(() => stack?.stop());

describe("the rehome CLI", () => {
  it("health reports each dependency and exits 0", async () => {
    const result = await rehome("health", "--url", stack.url);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/ok\s+dynamodb/);
    expect(result.stdout).toContain("healthy");
  });

  it("smoke streams one answer and checks order, one done and the stored copy", async () => {
    const result = await smoke(stack.url, "team@demo.rehome.local", "rehome-demo");
    expect(result.stderr).not.toContain("✗");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("in order, one done");
    expect(result.stdout).toContain("smoke test passed");
  });

  it("smoke fails with a clear message when the stack is down", async () => {
    const result = await smoke("http://127.0.0.1:9", "a@b.c", "x");
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/stack is down.*cannot reach/);
  });

  it("smoke fails when the credentials are wrong, naming the API's error", async () => {
    const result = await smoke(stack.url, "team@demo.rehome.local", "wrong");
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("auth.invalid_credentials");
  });
});
