// Admin-agent questions read the whole workspace, so each one lands on the audit log in the same
// request that posts it — who asked, on which thread, the question (truncated) and the run — and
// only that workspace's admins can read it. An admin's question in a project thread is audited
// the same way; participants' questions about a project are not.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootStack, call, login, type Person, type Stack } from "../support/stack";

let stack: Stack;
let admin: Person;

beforeAll(async () => {
  // No worker: the audit entry must exist before anyone answers.
  stack = await bootStack({ worker: false });
  admin = await login(stack, "admin@demo.rehome.local");
});
afterAll(() => stack?.stop());

async function auditLog(token = admin.token) {
  const { status, body } = await call(stack, "GET", "/api/audit?limit=100", { token });
  expect(status).toBe(200);
  return body.items as { actorId: string; action: string; targetId: string; summary: string; details: any }[];
}

async function askOn(threadId: string, token: string, content: string) {
  const asked = await call(stack, "POST", `/api/agent/threads/${threadId}/messages`, {
    token,
    body: { content },
  });
  expect(asked.status, JSON.stringify(asked.body)).toBe(202);
  return asked.body as { run: { id: string } };
}

describe("audit of admin-agent questions", () => {
  it("an admin's workspace-agent question is on the audit log with who, thread, question and run", async () => {
    const thread = (await call(stack, "POST", "/api/agent/threads", { token: admin.token, body: {} })).body;
    const asked = await askOn(thread.id, admin.token, "Which projects are over budget?");

    const entry = (await auditLog()).find(
      (e) => e.action === "agent.asked" && e.details.runId === asked.run.id,
    );
    expect(entry).toMatchObject({
      actorId: admin.user.id,
      targetId: thread.id,
      summary: "Which projects are over budget?",
      details: { runId: asked.run.id, threadId: thread.id },
    });
    const northwind = await login(stack, "admin@northwind.rehome.local");
    expect((await auditLog(northwind.token)).some((e) => e.details?.runId === asked.run.id)).toBe(false);
  });

  it("a long question is stored truncated", async () => {
    const thread = (await call(stack, "POST", "/api/agent/threads", { token: admin.token, body: {} })).body;
    const question = `Summarize everything. ${"Every task, message and file of every project. ".repeat(60)}`;
    const asked = await askOn(thread.id, admin.token, question);
    const entry = (await auditLog()).find((e) => e.details.runId === asked.run.id);
    expect(entry?.summary.length).toBe(200);
    expect(entry?.summary.endsWith("…")).toBe(true);
    expect(question.startsWith(entry?.summary.slice(0, -1) ?? "?")).toBe(true);
  });

  it("an admin's question in a project thread is on the audit log like one in a workspace thread", async () => {
    const kitchen = (await call(stack, "GET", "/api/projects", { token: admin.token })).body.items.find(
      (p: { name: string }) => p.name.startsWith("Kitchen"),
    ).id;
    const thread = (
      await call(stack, "POST", `/api/projects/${kitchen}/agent/threads`, { token: admin.token, body: {} })
    ).body;
    const asked = await askOn(thread.id, admin.token, "What is the margin on the cabinets?");
    const entry = (await auditLog()).find((e) => e.details?.runId === asked.run.id);
    expect(entry).toMatchObject({
      actorId: admin.user.id,
      action: "agent.asked",
      targetId: thread.id,
      summary: "What is the margin on the cabinets?",
      details: { runId: asked.run.id, threadId: thread.id },
    });
  });

  it("a participant's question about their project leaves no audit entry", async () => {
    const team = await login(stack, "team@demo.rehome.local");
    const kitchen = (await call(stack, "GET", "/api/projects", { token: team.token })).body.items[0].id;
    const thread = (
      await call(stack, "POST", `/api/projects/${kitchen}/agent/threads`, { token: team.token, body: {} })
    ).body;
    const before = (await auditLog()).length;
    const asked = await askOn(thread.id, team.token, "What is blocked?");
    const after = await auditLog();
    expect(after.length).toBe(before);
    // The demo's history has the team member's own audited steps (a change order sent); none is a question.
    expect(
      after.some(
        (e) =>
          e.details?.runId === asked.run.id || (e.actorId === team.user.id && e.action === "agent.asked"),
      ),
    ).toBe(false);
  });
});
