// The Anthropic path with the real SDK against a local server speaking the Messages API's
// streaming format: a normal answer, 429 and 529 before success, a stream cut mid-answer,
// and a stall past AI_TIMEOUT. Every case ends with seq 1..n, exactly one done, and the
// stored answer equal to what was streamed.
import { writeProjectDigest } from "@rehome/core/summary/writers";
import { type FakeAnthropic, startFakeAnthropic } from "@rehome/local/fake-anthropic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CONTINUE } from "../../packages/core/src/agent/providers/anthropic";
import {
  bootStack,
  call,
  type Frame,
  fakeAnthropicEnv,
  login,
  openSocket,
  type Stack,
} from "../support/stack";

const ANSWER = "The worktop decision is blocked on the client [task:abc] and the inspection is overdue.";
let fake: FakeAnthropic;
let stack: Stack;
let token: string;
let kitchen: string;

beforeAll(async () => {
  fake = await startFakeAnthropic();
  stack = await bootStack({
    env: {
      ...fakeAnthropicEnv(fake),
      AI_TIMEOUT: "2",
    },
  });
  token = (await login(stack, "team@demo.rehome.local")).token;
  kitchen = (await call(stack, "GET", "/api/projects", { token })).body.items.find((p: { name: string }) =>
    p.name.startsWith("Kitchen"),
  ).id;
});
afterAll(async () => {
  await stack?.stop();
  await fake?.stop();
});

/** Asks on a fresh thread and waits for the single done; returns deltas and the stored message. */
async function ask(question = "What is blocked?") {
  const thread = (await call(stack, "POST", `/api/projects/${kitchen}/agent/threads`, { token, body: {} }))
    .body;
  const socket = await openSocket(stack, token);
  await socket.subscribe(`private-agent-threads.${thread.id}`);
  const asked = (
    await call(stack, "POST", `/api/agent/threads/${thread.id}/messages`, {
      token,
      body: { content: question },
    })
  ).body;
  await socket.waitFor((f) => f.event === "agent.message.delta" && f.data.done, 15_000);
  await new Promise((resolve) => setTimeout(resolve, 200));
  const deltas = socket.frames.filter((f: Frame) => f.event === "agent.message.delta").map((f) => f.data);
  const messages = (await call(stack, "GET", `/api/agent/threads/${thread.id}/messages`, { token })).body
    .items;
  socket.close();
  return { deltas, stored: messages.find((m: { id: string }) => m.id === asked.assistantMessage.id) };
}

function expectWellFormed({ deltas, stored }: Awaited<ReturnType<typeof ask>>) {
  expect(deltas.map((d) => d.seq)).toEqual(deltas.map((_, i) => i + 1));
  expect(deltas.filter((d) => d.done)).toHaveLength(1);
  expect(stored.content).toBe(deltas.map((d) => d.delta).join(""));
}

describe("the anthropic provider", () => {
  it("streams a normal answer with the project data quoted, never as instructions", async () => {
    fake.script({ kind: "answer", text: ANSWER, tokensPerSec: 200 });
    const result = await ask();
    expectWellFormed(result);
    // task:abc is not in the context: the asker could not open it, so it is no citation.
    expect(result.stored).toMatchObject({
      status: "completed",
      content: ANSWER,
      citations: [],
      citedProjects: {},
    });
    const request = fake.requests().at(-1);
    expect(JSON.stringify(request?.messages[0]?.content)).toContain("<project_data");
    // What the current model accepts: no sampling parameters, thinking bounded by the effort.
    expect(request).toMatchObject({
      model: "claude-sonnet-5-5",
      max_tokens: 2048,
      output_config: { effort: "low" },
    });
    expect(request).not.toHaveProperty("temperature");
  });

  it("retries 429 and 529 with backoff, then answers", async () => {
    fake.script({ kind: "rate_limited" }, { kind: "overloaded" }, { kind: "answer", text: ANSWER });
    const before = fake.requests().length;
    const result = await ask();
    expectWellFormed(result);
    expect(result.stored.content).toBe(ANSWER);
    expect(fake.requests().length - before).toBe(3);
  });

  it("continues a stream cut mid-answer from what was delivered, without repeating it", async () => {
    const continuation = " and the inspection is overdue.";
    const head = ANSWER.slice(0, ANSWER.length - continuation.length);
    fake.script(
      { kind: "cut", text: head + continuation, afterTokens: head.match(/\s*\S+/g)?.length ?? 0 },
      { kind: "answer", text: continuation },
    );
    const result = await ask();
    expectWellFormed(result);
    expect(result.stored.content).toBe(ANSWER);
    // The retry sent the delivered text back as the assistant's turn and asked, as the user, for
    // the rest: current models refuse a prefill (a request ending in an assistant turn).
    const retried = fake.requests().at(-1)?.messages ?? [];
    expect(retried.slice(-2)).toEqual([
      { role: "assistant", content: head },
      { role: "user", content: CONTINUE },
    ]);
  });

  it("writes a project's daily digests with the model, staff's and clients', quoting the data, and books their cost", async () => {
    const admin = await login(stack, "admin@demo.rehome.local");
    const usage = async () =>
      (await call(stack, "GET", `/api/workspaces/${admin.user.workspaceId}/usage`, { token: admin.token }))
        .body;
    const before = await usage();
    fake.script(
      { kind: "answer", text: "Today the worktop [task:abc] moved to blocked." },
      { kind: "answer", text: "Overall the kitchen is on track." },
      { kind: "answer", text: "Your worktop choice is the next step." },
      { kind: "answer", text: "The kitchen is on track." },
    );
    const sent = fake.requests().length;
    const digest = await writeProjectDigest(admin.user.workspaceId, kitchen);
    expect(digest).toMatchObject({
      audience: "staff",
      content: "Today the worktop [task:abc] moved to blocked.\n\nOverall the kitchen is on track.\n",
    });
    // task:abc was not in the digest's context: no citation.
    expect(digest.citations).toEqual([]);
    // Two prompts for the staff digest, two for the clients' (the kitchen has a client).
    expect(fake.requests().length - sent).toBe(4);
    const [staffData, clientData] = [1, 3].map((i) =>
      JSON.stringify(fake.requests()[sent + i]?.messages[0]?.content),
    );
    expect(staffData).toContain("<project_data");
    expect(staffData).toContain("Review cabinet supplier margin");
    expect(clientData).toContain("<project_data");
    expect(clientData).not.toContain("Review cabinet supplier margin");
    expect(clientData).not.toContain("quartz supplier quoted");
    const after = await usage();
    expect(after.runs).toBe(before.runs + 2);
    expect(after.costCents).toBeGreaterThan(before.costCents);
    // A redelivered job finds both digests written: no second call to the model, no second cost.
    await writeProjectDigest(admin.user.workspaceId, kitchen, digest.id);
    expect(fake.requests().length - sent).toBe(4);
    expect((await usage()).costCents).toBe(after.costCents);
  });

  it("ends a stalled answer as timed_out after AI_TIMEOUT, with one done", async () => {
    fake.script({ kind: "stall" }, { kind: "stall" }, { kind: "stall" }, { kind: "stall" });
    const result = await ask();
    expectWellFormed(result);
    expect(result.stored.status).toBe("timed_out");
  });
});
