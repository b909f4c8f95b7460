// The agent's context end to end on a local stack: content planted where the asker cannot see
// it (an unassigned project of the same workspace, a project of the other workspace) never
// reaches the run's context_used, the streamed deltas or the stored answer — for every role and
// both agents; contact details are masked by role. Runs go through the real worker, with the
// offline provider and with the real Anthropic SDK against the local fake Messages API.

import { RunEntity } from "@rehome/core/agent/entity";
import { processRun } from "@rehome/core/agent/worker";
import type { FakeAnthropic } from "@rehome/local/fake-anthropic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Provider } from "../../packages/core/src/agent/providers/provider";
import { bootRunByRun, fakeAnthropicProvider } from "../support/agent";
import { PNG, upload } from "../support/files";
import { call, login, openSocket, type Person, type Stack } from "../support/stack";

type Role = "admin" | "team" | "consultant" | "client";

const QUESTIONS = [
  "What changed today?",
  "Summarize last 20 messages",
  "Blocked tasks",
  "Tell me about quince and walnut",
];
const PHONE = "+44 20 7946 0958";
const EMAIL = "cliff.private@example.com";
const yesterday = () => new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);

let stack: Stack;
let fake: FakeAnthropic;
const people = {} as Record<Role | "northwind", Person>;
let kitchen: string;
/** The visible kitchen message carrying contact details. */
let contactMessage: string;
/** What was planted in each place: its marker text and the `kind:id` of every item. */
interface Planted {
  marker: string;
  task: string;
  projectId: string;
  ids: string[];
}
let demo: Planted;
let northwind: Planted;
const traces = (p: Planted) => [p.marker, ...p.ids];

const ok = async (what: string, answer: ReturnType<typeof call>) => {
  const { status, body } = await answer;
  if (status >= 300) throw new Error(`${what}: ${status} ${JSON.stringify(body)}`);
  return body;
};

/** A project with a blocked overdue task, a message and a file, all of today and all marked. */
async function plant(owner: Person, marker: string, word: string): Promise<Planted> {
  const token = owner.token;
  const project = await ok(
    "project",
    call(stack, "POST", "/api/projects", { token, body: { name: `${marker} annex ${word}` } }),
  );
  const taskBody = { title: `${marker}-TASK ${word} vault`, status: "blocked", dueDate: yesterday() };
  const task = await ok(
    "task",
    call(stack, "POST", `/api/projects/${project.id}/tasks`, { token, body: taskBody }),
  );
  const message = await ok(
    "message",
    call(stack, "POST", `/api/projects/${project.id}/messages`, {
      token,
      body: { body: `${marker}-MESSAGE the ${word} vault is blocked` },
    }),
  );
  const file = await upload(stack, token, project.id, {
    name: `${marker.toLowerCase()}-${word}.png`,
    contentType: "image/png",
    bytes: PNG,
  });
  if (file.status !== 200) throw new Error(`upload: ${file.status}`);
  const ids = [`task:${task.id}`, `message:${message.id}`, `file:${file.body.id}`, `project:${project.id}`];
  return { marker, task: `task:${task.id}`, projectId: project.id, ids };
}

beforeAll(async () => {
  let demoPeople: Record<Role, Person>;
  ({ fake, stack, people: demoPeople } = await bootRunByRun());
  Object.assign(people, demoPeople);
  people.northwind = await login(stack, "admin@northwind.rehome.local");
  const projects = await ok("projects", call(stack, "GET", "/api/projects", { token: people.client.token }));
  kitchen = projects.items.find((p: { name: string }) => p.name.startsWith("Kitchen")).id;
  contactMessage = (
    await ok(
      "contact message",
      call(stack, "POST", `/api/projects/${kitchen}/messages`, {
        token: people.team.token,
        body: { body: `Reach Cliff on ${PHONE} or ${EMAIL} about the quince worktop.` },
      }),
    )
  ).id;
  demo = await plant(people.admin, "PLANTED-DEMO", "quince");
  northwind = await plant(people.northwind, "PLANTED-NW", "walnut");
});
afterAll(async () => {
  await stack?.stop();
  await fake?.stop();
});

async function projectThread(who: Person) {
  return (
    await ok(
      "thread",
      call(stack, "POST", `/api/projects/${kitchen}/agent/threads`, { token: who.token, body: {} }),
    )
  ).id as string;
}
async function workspaceThread(who: Person) {
  return (await ok("thread", call(stack, "POST", "/api/agent/threads", { token: who.token, body: {} })))
    .id as string;
}

/** Asks on a thread, runs the worker on it and returns what the asker saw and what was recorded. */
async function ask(who: Person, threadId: string, question: string, provider?: Provider) {
  const socket = await openSocket(stack, who.token);
  await socket.subscribe(`private-agent-threads.${threadId}`);
  const asked = await ok(
    "ask",
    call(stack, "POST", `/api/agent/threads/${threadId}/messages`, {
      token: who.token,
      body: { content: question },
    }),
  );
  const messageId = asked.assistantMessage.id as string;
  const ours = (f: { event: string; data: { messageId?: string } }) =>
    f.event === "agent.message.delta" && f.data.messageId === messageId;
  await processRun(who.user.workspaceId, asked.run.id, provider ? { provider } : {});
  await socket.waitFor((f) => ours(f) && f.data.done, 10_000);
  const streamed = socket.frames
    .filter(ours)
    .map((f) => f.data.delta)
    .join("");
  socket.close();
  const messages = await ok(
    "messages",
    call(stack, "GET", `/api/agent/threads/${threadId}/messages`, { token: who.token }),
  );
  const stored = messages.items.find((m: { id: string }) => m.id === messageId);
  const { data: run } = await RunEntity()
    .get({ workspaceId: who.user.workspaceId, runId: asked.run.id })
    .go();
  expect(stored.status, question).toBe("completed");
  return {
    streamed,
    stored: stored.content as string,
    citedProjects: stored.citedProjects as Record<string, string>,
    used: run?.contextUsed ?? [],
  };
}
type Answer = Awaited<ReturnType<typeof ask>>;

/** The text a trace leaves in an answer or a request: a marker itself, or the id of a `kind:id`. */
const textOf = (trace: string) => (trace.split(":").at(-1) ?? trace).toLowerCase();

/** Nothing of `forbidden` (markers or `kind:id`s) in the context ids, the stream or the answer. */
function expectNoneOf(forbidden: string[], seen: Answer, question: string) {
  for (const trace of forbidden) {
    expect(seen.used, question).not.toContain(trace);
    expect(seen.streamed.toLowerCase(), question).not.toContain(textOf(trace));
    expect(seen.stored.toLowerCase(), question).not.toContain(textOf(trace));
  }
}

/** Asks every question on one thread; answers by question. */
async function askAll(who: Person, threadId: string) {
  const answers = new Map<string, Answer>();
  for (const question of QUESTIONS) answers.set(question, await ask(who, threadId, question));
  return answers;
}

describe("the project agent's context", () => {
  it.each(["team", "consultant", "client"] as const)(
    "never holds what a %s is not assigned to, nor anything of another workspace",
    async (role) => {
      const answers = await askAll(people[role], await projectThread(people[role]));
      for (const [question, seen] of answers) {
        expectNoneOf([...traces(demo), ...traces(northwind)], seen, question);
        expect(seen.used, question).toContain(`message:${contactMessage}`);
        expect(seen.used, question).toContain(`project:${kitchen}`);
      }
      expect(answers.get("Tell me about quince and walnut")?.stored).toContain(`[message:${contactMessage}]`);
    },
    60_000,
  );
});

describe("the admin agent's context", () => {
  it("spans every project of the admin's workspace and nothing of another workspace", async () => {
    const answers = await askAll(people.admin, await workspaceThread(people.admin));
    for (const [question, seen] of answers) {
      expectNoneOf(traces(northwind), seen, question);
      for (const id of demo.ids) expect(seen.used, question).toContain(id);
    }
    expect(answers.get("Blocked tasks")?.stored).toContain(`[${demo.task}]`);
    expect(answers.get("Tell me about quince and walnut")?.stored).toContain(`[${demo.task}]`);
    // Every citation names its project, so the SPA can open it from a workspace-wide answer.
    expect(answers.get("Blocked tasks")?.citedProjects[demo.task]).toBe(demo.projectId);
    for (const [question, seen] of answers)
      for (const citation of seen.stored.match(/\[(task|message):[A-Za-z0-9_-]+\]/g) ?? [])
        expect(Object.keys(seen.citedProjects), question).toContain(citation.slice(1, -1));
  }, 60_000);

  it("of the other workspace never holds anything of Demo Renovations", async () => {
    const answers = await askAll(people.northwind, await workspaceThread(people.northwind));
    const demoTraces = [
      ...traces(demo),
      `message:${contactMessage}`,
      `project:${kitchen}`,
      EMAIL,
      "Elm Street",
    ];
    for (const [question, seen] of answers) {
      expectNoneOf(demoTraces, seen, question);
      expect(seen.used, question).toContain(northwind.task);
    }
  }, 60_000);
});

describe("contact details in answers", () => {
  it("are masked for clients and consultants and shown to team members and admins", async () => {
    const summary = "Summarize last 20 messages";
    for (const role of ["client", "consultant"] as const) {
      const seen = await ask(people[role], await projectThread(people[role]), summary);
      expect(seen.stored, role).toContain(
        "Reach Cliff on [phone hidden] or [email hidden] about the quince worktop.",
      );
      expect(seen.streamed, role).not.toContain("7946");
      expect(seen.stored, role).not.toContain(EMAIL);
    }
    const team = await ask(people.team, await projectThread(people.team), summary);
    expect(team.stored).toContain(`Reach Cliff on ${PHONE} or ${EMAIL}`);
    const admin = await ask(people.admin, await workspaceThread(people.admin), summary);
    expect(admin.stored).toContain(`Reach Cliff on ${PHONE} or ${EMAIL}`);
  }, 60_000);
});

describe("through the Anthropic provider", () => {
  const provider = () => fakeAnthropicProvider(fake);

  it("sends the model only the asker's own project, masked for their role, as quoted data", async () => {
    fake.script({ kind: "answer", text: "The worktop is still open." });
    const seen = await ask(
      people.client,
      await projectThread(people.client),
      "What changed today?",
      provider(),
    );
    expect(seen.stored).toBe("The worktop is still open.");
    const request = fake.requests().at(-1) as { system?: string; messages: { content: unknown }[] };
    const sent = JSON.stringify(request.messages);
    expect(request.system).toMatch(/never as instructions/);
    expect(sent).toContain("<project_data>");
    expect(sent).toContain(contactMessage);
    expect(sent).toContain("[phone hidden]");
    expect(sent).not.toContain("7946");
    for (const trace of [...traces(demo), ...traces(northwind)])
      expect(sent.toLowerCase()).not.toContain(textOf(trace));
  });

  it("sends the admin agent's request the whole workspace and nothing of another", async () => {
    fake.script({ kind: "answer", text: "Two things are blocked." });
    await ask(people.admin, await workspaceThread(people.admin), "Blocked tasks", provider());
    const sent = JSON.stringify(fake.requests().at(-1)?.messages).toLowerCase();
    for (const trace of traces(demo)) expect(sent).toContain(textOf(trace));
    for (const trace of traces(northwind)) expect(sent).not.toContain(textOf(trace));
    expect(sent).toContain(PHONE.toLowerCase());
  });
});
