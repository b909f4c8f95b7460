// The assistant across the trust boundary, on the demo kitchen (which holds an internal task about
// the cabinet supplier's margin and an internal message with the quartz quote and a phone number):
// a client's question never carries an internal item or an unmasked contact detail to the model —
// offline or through the real Anthropic SDK against the local fake Messages API — and their answer
// cites only what they can open; a team member's question carries the internal items. Threads are
// private to their author, readable by an admin, and named after their first question.

import { RunEntity } from "@rehome/core/agent/entity";
import { processRun } from "@rehome/core/agent/worker";
import type { FakeAnthropic } from "@rehome/local/fake-anthropic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Provider } from "../../packages/core/src/agent/providers/provider";
import { bootRunByRun, fakeAnthropicProvider } from "../support/agent";
import { call, type Person, type Stack } from "../support/stack";

const INTERNAL_TASK = "Review cabinet supplier margin before the final invoice";
const INTERNAL_MESSAGE = "quartz supplier quoted";
const INTERNAL_PHONE = "07700 900123";
const PHONE = "+44 20 7946 0958";
const EMAIL = "cliff.private@example.com";

let stack: Stack;
let fake: FakeAnthropic;
let people: Awaited<ReturnType<typeof bootRunByRun>>["people"];
let kitchen: string;
let internalTask: string;
let internalMessage: string;
/** A client-visible kitchen task. */
let visibleTask: string;

async function api(who: Person, method: string, path: string, body?: unknown) {
  const response = await call(stack, method, path, { token: who.token, body });
  if (response.status >= 300)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

beforeAll(async () => {
  ({ fake, stack, people } = await bootRunByRun());
  const projects = await api(people.client, "GET", "/api/projects");
  kitchen = projects.items.find((p: { name: string }) => p.name.startsWith("Kitchen")).id;
  const tasks: { id: string; title: string; clientVisible: boolean }[] = (
    await api(people.team, "GET", `/api/projects/${kitchen}/tasks`)
  ).items;
  internalTask = tasks.find((t) => t.title === INTERNAL_TASK)?.id ?? "";
  visibleTask = tasks.find((t) => t.clientVisible)?.id ?? "";
  const messages: { id: string; body: string }[] = (
    await api(people.team, "GET", `/api/projects/${kitchen}/messages`)
  ).items;
  internalMessage = messages.find((m) => m.body.includes(INTERNAL_MESSAGE))?.id ?? "";
  expect([internalTask, internalMessage, visibleTask].every(Boolean)).toBe(true);
  // A client-visible message with contact details, which a client's assistant must mask.
  await api(people.team, "POST", `/api/projects/${kitchen}/messages`, {
    body: `Reach Cliff on ${PHONE} or ${EMAIL} about the quartz worktop.`,
  });
});
afterAll(async () => {
  await stack?.stop();
  await fake?.stop();
});

const newThread = async (who: Person) =>
  (await api(who, "POST", `/api/projects/${kitchen}/agent/threads`, {})).id as string;

/** Asks on a thread, runs the worker on it and returns the stored answer and the run's context. */
async function ask(who: Person, threadId: string, question: string, provider?: Provider) {
  const asked = await api(who, "POST", `/api/agent/threads/${threadId}/messages`, { content: question });
  await processRun(who.user.workspaceId, asked.run.id, provider ? { provider } : {});
  const stored = (await api(who, "GET", `/api/agent/threads/${threadId}/messages`)).items.find(
    (m: { id: string }) => m.id === asked.assistantMessage.id,
  );
  expect(stored.status, question).toBe("completed");
  const { data: run } = await RunEntity()
    .get({ workspaceId: who.user.workspaceId, runId: asked.run.id })
    .go();
  return { stored: stored as { content: string; citations: string[] }, used: run?.contextUsed ?? [] };
}

/** Every citation opens for `who`: a task by id, a message in their thread of the project. */
async function expectOpenable(who: Person, citations: string[]) {
  const messages = (await api(who, "GET", `/api/projects/${kitchen}/messages?limit=100`)).items.map(
    (m: { id: string }) => `message:${m.id}`,
  );
  for (const citation of citations) {
    const [kind, id] = citation.split(":");
    if (kind === "task") {
      const answer = await call(stack, "GET", `/api/projects/${kitchen}/tasks/${id}`, { token: who.token });
      expect(answer.status, citation).toBe(200);
    } else expect(messages, citation).toContain(citation);
  }
}

/** What must never reach a client's assistant: the internal items, by text and by id, and raw contacts. */
const secrets = () => [
  INTERNAL_TASK,
  INTERNAL_MESSAGE,
  INTERNAL_PHONE,
  internalTask,
  internalMessage,
  PHONE,
  EMAIL,
];

const QUESTIONS = [
  "Summarize last 20 messages",
  "What changed today?",
  "Tell me about the cabinet supplier margin and the quartz quote",
];

describe("a client's question with the offline provider", () => {
  it("holds no internal item and no contact detail, and cites only what the client can open", async () => {
    const thread = await newThread(people.client);
    const cited: string[] = [];
    for (const question of QUESTIONS) {
      const { stored, used } = await ask(people.client, thread, question);
      expect(used, question).not.toContain(`task:${internalTask}`);
      expect(used, question).not.toContain(`message:${internalMessage}`);
      for (const secret of secrets()) expect(stored.content, question).not.toContain(secret);
      cited.push(...stored.citations);
    }
    expect(cited.length).toBeGreaterThan(0);
    await expectOpenable(people.client, cited);
  }, 60_000);

  it("while a team member's holds the internal items", async () => {
    const { used } = await ask(people.team, await newThread(people.team), QUESTIONS[2] ?? "");
    expect(used).toContain(`task:${internalTask}`);
    expect(used).toContain(`message:${internalMessage}`);
  });
});

describe("through the Anthropic provider", () => {
  const provider = () => fakeAnthropicProvider(fake);
  const lastRequest = () => JSON.stringify(fake.requests().at(-1));

  it("a client's request holds no internal item and no unmasked contact; a citation of an internal item is dropped", async () => {
    // The model cites an internal task it cannot have seen (a guess) besides a visible one.
    fake.script({
      kind: "answer",
      text: `The handles are next [task:${visibleTask}]; the margin [task:${internalTask}] [message:${internalMessage}].`,
    });
    const { stored } = await ask(
      people.client,
      await newThread(people.client),
      "What is happening with the worktop?",
      provider(),
    );
    const sent = lastRequest();
    for (const secret of secrets()) expect(sent).not.toContain(secret);
    expect(sent).toContain("[phone hidden]");
    expect(stored.citations).toEqual([`task:${visibleTask}`]);
    await expectOpenable(people.client, stored.citations);
  });

  it("a team member's request holds the internal task, the internal message and its phone number", async () => {
    fake.script({ kind: "answer", text: "Check the margin before invoicing." });
    await ask(people.team, await newThread(people.team), "What is happening with the worktop?", provider());
    const sent = lastRequest();
    for (const expected of [INTERNAL_TASK, INTERNAL_MESSAGE, INTERNAL_PHONE, internalTask, internalMessage])
      expect(sent).toContain(expected);
  });
});

describe("assistant threads", () => {
  it("are their author's: absent from the client's and consultant's lists, 404 for them, open to an admin, named after the first question", async () => {
    const thread = await newThread(people.team);
    const question = "Which tasks are due this week?";
    await ask(people.team, thread, question);
    for (const who of [people.client, people.consultant]) {
      const listed = await api(who, "GET", `/api/projects/${kitchen}/agent/threads`);
      expect(listed.items.map((t: { id: string }) => t.id)).not.toContain(thread);
      const opened = await call(stack, "GET", `/api/agent/threads/${thread}`, { token: who.token });
      expect(opened.status).toBe(404);
    }
    const audited = await api(people.admin, "GET", `/api/agent/threads/${thread}`);
    expect(audited).toMatchObject({ id: thread, createdBy: people.team.user.id, title: question });
    const mine = await api(people.team, "GET", `/api/projects/${kitchen}/agent/threads`);
    expect(mine.items.find((t: { id: string }) => t.id === thread)?.title).toBe(question);
  });
});
