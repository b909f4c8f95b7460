// The ops CLI against a running stack, as an operator runs it: `health`, `smoke` and `tokens`
// pass on a healthy stack and fail with one clear line and exit code 1 when something is wrong.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { rehome, smoke } from "../support/cli";
import { bootStack, type Stack } from "../support/stack";

let stack: Stack;

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

  it("tokens create prints a new API token once, and smoke passes with it", { timeout: 60_000 }, async () => {
    const created = await createToken("--name", "smoke from CI", "--scope", "write", "--days", "1");
    expect(created.code).toBe(0);
    expect(created.stderr).toMatch(/API token "smoke from CI" created: id \S+, scope write, expires/);
    expect(created.stdout.trim()).toMatch(/^[^\s.]+\.[^\s.]+$/);

    const result = await rehome("smoke", "--url", stack.url, "--token", created.stdout.trim());
    expect(result.stderr).not.toContain("✗");
    expect(result.code).toBe(0);
    expect(result.stdout).toContain("smoke test passed");
  });

  it("tokens list shows a token and tokens revoke stops it working at once", {
    timeout: 60_000,
  }, async () => {
    const created = await createToken("--name", "to revoke", "--scope", "write");
    const id = /id (\S+),/.exec(created.stderr)?.[1] ?? "";
    const listed = await rehome("tokens", "list", "--url", stack.url, ...TEAM);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toMatch(new RegExp(`${id}\\s+write\\s+expires \\S+\\s+to revoke`));

    const revoked = await rehome("tokens", "revoke", id, "--url", stack.url, ...TEAM);
    expect(revoked.code).toBe(0);
    expect(revoked.stdout).toContain(`API token ${id} revoked`);
    const smokeAfter = await rehome("smoke", "--url", stack.url, "--token", created.stdout.trim());
    expect(smokeAfter.code).toBe(1);
    expect(smokeAfter.stderr).toContain("401");
  });

  it("a read-only token (the default scope) cannot run the smoke test, and smoke says why", async () => {
    const created = await createToken("--name", "read only");
    expect(created.stderr).toContain("scope read");
    const result = await rehome("smoke", "--url", stack.url, "--token", created.stdout.trim());
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("This API token is read-only.");
  });

  it("tokens create refuses a missing name before calling the API", async () => {
    const result = await rehome("tokens", "create", "--url", stack.url, ...TEAM);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("give the token a --name");
  });
});

const TEAM = ["--email", "team@demo.rehome.local", "--password", "rehome-demo"];
const createToken = (...flags: string[]) => rehome("tokens", "create", "--url", stack.url, ...TEAM, ...flags);
