// Assistant threads on a local stack with the offline provider: a thread lists its messages in the
// order they were made even when a question and its answer share a millisecond; its author may
// archive it (gone from the list, still readable, no new questions) and restore it; and every
// delta of an answer says it is the assistant's. The worker is driven by hand.
import { processRun } from "@rehome/core/agent/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootStack, call, login, openSocket, type Person, type Stack } from "../support/stack";

let stack: Stack;
let team: Person;
let admin: Person;
let kitchen: string;

beforeAll(async () => {
  stack = await bootStack({
    worker: false,
    env: { OFFLINE_TOKENS_PER_SEC: "5000", AGENT_LIMIT_PER_MINUTE: "1000", AGENT_LIMIT_PER_DAY: "1000" },
  });
  team = await login(stack, "team@demo.rehome.local");
  admin = await login(stack, "admin@demo.rehome.local");
  const projects = (await call(stack, "GET", "/api/projects", { token: team.token })).body.items;
  kitchen = projects.find((p: { name: string }) => p.name.startsWith("Kitchen")).id;
});
afterAll(() => stack?.stop());

const newThread = async (who = team) =>
  (await call(stack, "POST", `/api/projects/${kitchen}/agent/threads`, { token: who.token, body: {} }))
    .body as {
    id: string;
  };
const ask = (threadId: string, content: string, who = team) =>
  call(stack, "POST", `/api/agent/threads/${threadId}/messages`, { token: who.token, body: { content } });
const messagesOf = async (threadId: string, who = team) =>
  (await call(stack, "GET", `/api/agent/threads/${threadId}/messages`, { token: who.token })).body.items as {
    id: string;
    role: string;
    content: string;
    createdAt: string;
  }[];
const listed = async (query = "", who = team) =>
  (
    (await call(stack, "GET", `/api/projects/${kitchen}/agent/threads${query}`, { token: who.token })).body
      .items as { id: string }[]
  ).map((t) => t.id);
const patch = (threadId: string, body: object, who = team) =>
  call(stack, "PATCH", `/api/agent/threads/${threadId}`, { token: who.token, body });

describe("a thread's messages", () => {
  it("come back oldest first, each question before its answer, though both are made in the same millisecond", async () => {
    const thread = await newThread();
    const questions = Array.from({ length: 25 }, (_, i) => `Question ${i + 1}: what is blocked?`);
    for (const question of questions) expect((await ask(thread.id, question)).status).toBe(202);
    const items = await messagesOf(thread.id);
    expect(items.map((m) => m.role)).toEqual(questions.flatMap(() => ["user", "assistant"]));
    expect(items.filter((m) => m.role === "user").map((m) => m.content)).toEqual(questions);
    for (let i = 0; i < items.length; i += 2) expect(items[i]?.createdAt).toBe(items[i + 1]?.createdAt);
  });
});

describe("archiving a thread", () => {
  it("takes it off its author's list and out of use, yet it still opens; restoring brings it back", async () => {
    const thread = await newThread();
    expect((await ask(thread.id, "Blocked tasks")).status).toBe(202);
    expect(await listed()).toContain(thread.id);

    const archived = await patch(thread.id, { status: "archived" });
    expect(archived.status, JSON.stringify(archived.body)).toBe(200);
    expect(archived.body).toMatchObject({ id: thread.id, status: "archived", title: "Blocked tasks" });
    expect(await listed()).not.toContain(thread.id);
    expect(await listed("?archived=true")).toContain(thread.id);
    expect(
      (await call(stack, "GET", `/api/agent/threads/${thread.id}`, { token: team.token })).body.status,
    ).toBe("archived");
    expect((await messagesOf(thread.id)).map((m) => m.content)).toContain("Blocked tasks");
    const refused = await ask(thread.id, "Anything new?");
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe("agent.thread_archived");

    const restored = await patch(thread.id, { status: "open", title: "Kitchen blockers" });
    expect(restored.body).toMatchObject({ status: "open", title: "Kitchen blockers" });
    expect(await listed()).toContain(thread.id);
    expect(await listed("?archived=true")).not.toContain(thread.id);
    expect((await ask(thread.id, "Anything new?")).status).toBe(202);
  });

  it("is for its author only: an admin (who may read it) or a colleague gets 404", async () => {
    const thread = await newThread();
    const consultant = await login(stack, "consultant@demo.rehome.local");
    for (const who of [admin, consultant])
      expect((await patch(thread.id, { status: "archived" }, who)).status).toBe(404);
    expect(await listed()).toContain(thread.id);
  });

  it("works for the admin agent's workspace threads too", async () => {
    const thread = (await call(stack, "POST", "/api/agent/threads", { token: admin.token, body: {} })).body;
    expect((await patch(thread.id, { status: "archived" }, admin)).status).toBe(200);
    const list = async (query = "") =>
      (await call(stack, "GET", `/api/agent/threads${query}`, { token: admin.token })).body.items.map(
        (t: { id: string }) => t.id,
      );
    expect(await list()).not.toContain(thread.id);
    expect(await list("?archived=true")).toContain(thread.id);
  });
});

describe("an answer's deltas", () => {
  it("each carry role assistant, as the original design's event did", async () => {
    const thread = await newThread();
    const socket = await openSocket(stack, team.token);
    await socket.subscribe(`private-agent-threads.${thread.id}`);
    const asked = (await ask(thread.id, "Blocked tasks")).body;
    await processRun(team.user.workspaceId, asked.run.id);
    await socket.waitFor((f) => f.event === "agent.message.delta" && f.data.done, 10_000);
    const deltas = socket.frames.filter((f) => f.event === "agent.message.delta").map((f) => f.data);
    socket.close();
    expect(deltas.length).toBeGreaterThan(1);
    for (const delta of deltas)
      expect(delta).toMatchObject({ role: "assistant", messageId: asked.assistantMessage.id });
  });
});
