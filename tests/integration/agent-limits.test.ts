// Agent rate limits: past the per-person limit a question gets 429 with Retry-After in the
// one error shape, nothing is stored for it, and other people are not affected.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootStack, call, login, projectThread, type Stack } from "../support/stack";

let stack: Stack;

beforeAll(async () => {
  // The same limit per minute and per day: a minute window rolling over mid-test still refuses.
  stack = await bootStack({ worker: false, env: { AGENT_LIMIT_PER_MINUTE: "2", AGENT_LIMIT_PER_DAY: "2" } });
});
afterAll(() => stack?.stop());

async function threadFor(email: string) {
  const { token } = await login(stack, email);
  const kitchen = (await call(stack, "GET", "/api/projects", { token })).body.items.find(
    (p: { name: string }) => p.name.startsWith("Kitchen"),
  );
  return projectThread(stack, token, kitchen.id);
}

describe("agent rate limits", () => {
  it("refuses the question past the per-person limit with 429 and Retry-After, storing nothing", async () => {
    const team = await threadFor("team@demo.rehome.local");
    expect((await team.ask()).status).toBe(202);
    expect((await team.ask()).status).toBe(202);
    const refused = await team.ask();
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({ code: "rate_limited", requestId: expect.any(String) });
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(86_400);
    expect(await team.messages()).toHaveLength(4);

    const consultant = await threadFor("consultant@demo.rehome.local");
    expect((await consultant.ask()).status).toBe(202);
  });
});
