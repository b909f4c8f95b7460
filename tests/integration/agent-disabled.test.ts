// The emergency switch of RUNBOOK section 7: with AI_ENABLED=false a question answers 503 with a
// clear message, nothing is queued or stored, and the rest of the product keeps working (Risks &
// Blockers too, without the assistant's notes).
// (Its own file: config is parsed once per process, and this stack needs the switch off.)
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootStack, call, login, type Stack } from "../support/stack";

let stack: Stack;

beforeAll(async () => {
  stack = await bootStack({ env: { AI_ENABLED: "false" } });
});
afterAll(() => stack?.stop());

describe("AI_ENABLED=false", () => {
  it("answers every question with 503 agent.disabled and stores nothing; the rest keeps working", async () => {
    const { token } = await login(stack, "team@demo.rehome.local");
    const kitchen = (await call(stack, "GET", "/api/projects", { token })).body.items[0].id;
    const thread = (await call(stack, "POST", `/api/projects/${kitchen}/agent/threads`, { token, body: {} }))
      .body;
    const asked = await call(stack, "POST", `/api/agent/threads/${thread.id}/messages`, {
      token,
      body: { content: "What is blocked?" },
    });
    expect(asked.status).toBe(503);
    expect(asked.body.error).toMatchObject({
      code: "agent.disabled",
      message: "The assistant is switched off for now.",
    });
    expect(asked.body.error.requestId).toBeTruthy();
    const messages = await call(stack, "GET", `/api/agent/threads/${thread.id}/messages`, { token });
    expect(messages.body.items).toEqual([]);

    const posted = await call(stack, "POST", `/api/projects/${kitchen}/messages`, {
      token,
      body: { body: "Still here without the assistant." },
    });
    expect(posted.status).toBe(201);
  });

  it("still lists Risks & Blockers, saying the assistant is off, and refuses a refresh with 503", async () => {
    const admin = await login(stack, "admin@demo.rehome.local");
    const path = `/api/workspaces/${admin.user.workspaceId}/risks`;
    const { body } = await call(stack, "GET", path, { token: admin.token });
    expect(body.assistant).toBe("off");
    const blocked = body.items.find((i: { kind: string }) => i.kind === "blocked");
    expect(blocked).toMatchObject({
      explained: false,
      reason: expect.stringMatching(/^Blocked since today/),
    });
    expect(blocked.explanation).toMatch(/^The assistant is switched off/);
    const refresh = await call(stack, "POST", path, { token: admin.token });
    expect(refresh.status).toBe(503);
    expect(refresh.body.error.code).toBe("agent.disabled");
  });
});
