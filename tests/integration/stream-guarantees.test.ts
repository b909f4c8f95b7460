// The stream guarantees of DESIGN §6 with real clients: every delta of an answer carries
// seq 1..n with exactly one done, even when SQS delivers the job twice, the worker dies
// mid-stream and the job comes back, or the dead-letter consumer races the worker for it;
// a late subscriber catches up exactly; cancel ends fast.
import { SendMessageCommand, SQSClient } from "@aws-sdk/client-sqs";
import { Agent } from "@rehome/core/agent";
import { processRun } from "@rehome/core/agent/worker";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deltasOf, replay } from "../support/answers";
import { bootStack, call, login, openSocket, type Socket, type Stack } from "../support/stack";

let stack: Stack;
let token: string;
let kitchenId: string;

beforeAll(async () => {
  // The worker is driven by hand here, so each test decides when and how often a job runs.
  stack = await bootStack({
    worker: false,
    // Checkpoints well inside the 1 s lease, so a worker killed 1.2 s in has always saved one.
    env: {
      OFFLINE_TOKENS_PER_SEC: "12",
      AGENT_LEASE_SECONDS: "1",
      STREAM_CHECKPOINT_MS: "400",
      STREAM_COALESCE_MS: "20",
      // One person asks a question per test, more than the 5 a minute people get.
      AGENT_LIMIT_PER_MINUTE: "100",
    },
  });
  token = (await login(stack, "team@demo.rehome.local")).token;
  const projects = await call(stack, "GET", "/api/projects", { token });
  kitchenId = projects.body.items.find((p: { name: string }) => p.name.startsWith("Kitchen")).id;
});
afterAll(() => stack?.stop());

/** Opens a thread, subscribes a socket to it and asks; the job is not processed yet. */
async function askOnNewThread(question = "Overdue by assignee") {
  const thread = (await call(stack, "POST", `/api/projects/${kitchenId}/agent/threads`, { token, body: {} }))
    .body;
  const socket = await openSocket(stack, token);
  expect(await socket.subscribe(`private-agent-threads.${thread.id}`)).toBe(true);
  const answer = await call(stack, "POST", `/api/agent/threads/${thread.id}/messages`, {
    token,
    body: { content: question },
  });
  expect(answer.status, JSON.stringify(answer.body)).toBe(202);
  const asked = answer.body;
  return {
    thread,
    socket,
    asked,
    workspaceId: asked.run.id && (await call(stack, "GET", "/api/me", { token })).body.workspaceId,
  };
}

/** Runs the job and kills its worker once it has sent seq 3 and `thenMs` more. */
async function killMidStream(workspaceId: string, runId: string, socket: Socket, thenMs = 0) {
  const crash = new AbortController();
  const attempt = processRun(workspaceId, runId, { crash: crash.signal });
  await socket.waitFor((f) => f.event === "agent.message.delta" && f.data.seq >= 3);
  await new Promise((resolve) => setTimeout(resolve, thenMs));
  crash.abort();
  expect(await attempt).toBe("crashed");
}

async function stored(threadId: string, messageId: string) {
  const { body } = await call(stack, "GET", `/api/agent/threads/${threadId}/messages`, { token });
  return body.items.find((m: { id: string }) => m.id === messageId);
}

describe("agent stream guarantees", () => {
  it("a job delivered twice produces one answer: seq 1..n, one done, stored == streamed", async () => {
    const { thread, socket, asked, workspaceId } = await askOnNewThread();
    const job = { type: "agent.run", workspaceId, runId: asked.run.id };
    // The API already queued it once; a second copy stands in for SQS's at-least-once delivery.
    const sqs = new SQSClient({ endpoint: stack.env.SQS_ENDPOINT, region: "us-east-1" });
    await sqs.send(
      new SendMessageCommand({ QueueUrl: stack.env.AGENT_QUEUE_URL, MessageBody: JSON.stringify(job) }),
    );
    const outcomes = await Promise.all([
      processRun(workspaceId, asked.run.id),
      processRun(workspaceId, asked.run.id),
    ]);
    expect(outcomes.sort()).toEqual(["completed", "skipped"]);
    expect(await processRun(workspaceId, asked.run.id)).toBe("skipped");

    await socket.waitFor((f) => f.event === "agent.message.delta" && f.data.done);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const deltas = deltasOf(socket.frames, asked.assistantMessage.id);
    expect(deltas.map((d) => d.seq)).toEqual(deltas.map((_, i) => i + 1));
    expect(deltas.filter((d) => d.done)).toHaveLength(1);
    const message = await stored(thread.id, asked.assistantMessage.id);
    expect(message.status).toBe("completed");
    expect(message.content).toBe(deltas.map((d) => d.delta).join(""));
    expect(message.lastSeq).toBe(deltas.length);
    socket.close();
  });

  it("a worker killed mid-stream is taken over after its lease: clients end with exactly the stored answer", async () => {
    const { thread, socket, asked, workspaceId } = await askOnNewThread();
    // Let it stream past at least one checkpoint, then kill it.
    await killMidStream(workspaceId, asked.run.id, socket, 1200);
    const before = await stored(thread.id, asked.assistantMessage.id);
    expect(before.status).toBe("streaming");

    // The redelivered job waits for the lease (1 s here) to lapse, then takes over.
    await new Promise((resolve) => setTimeout(resolve, 1100));
    expect(await processRun(workspaceId, asked.run.id)).toBe("completed");
    await socket.waitFor((f) => f.event === "agent.message.delta" && f.data.done);

    const message = await stored(thread.id, asked.assistantMessage.id);
    const seen = replay(socket.frames, asked.assistantMessage.id);
    expect(seen.content).toBe(message.content);
    expect(seen.lastSeq).toBe(message.lastSeq);
    expect(socket.frames.filter((f) => f.event === "agent.message.rewound")).toHaveLength(1);
    expect(deltasOf(socket.frames, asked.assistantMessage.id).filter((d) => d.done)).toHaveLength(1);
    // The answer is whole: the offline provider is deterministic, so a clean run gives the same text.
    expect(message.content).toContain("Overdue by assignee");
    socket.close();
  });

  it("the dead-letter consumer leaves a stream that is still leased alone: it ends by itself", async () => {
    const { thread, socket, asked, workspaceId } = await askOnNewThread();
    const running = processRun(workspaceId, asked.run.id);
    await socket.waitFor((f) => f.event === "agent.message.delta" && f.data.seq >= 1);
    await expect(Agent.failAbandoned(workspaceId, asked.run.id)).rejects.toBeInstanceOf(
      Agent.StreamStillLeased,
    );
    expect(await running).toBe("completed");
    expect(await Agent.failAbandoned(workspaceId, asked.run.id)).toBe("final");
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect((await stored(thread.id, asked.assistantMessage.id)).status).toBe("completed");
    expect(deltasOf(socket.frames, asked.assistantMessage.id).filter((d) => d.done)).toHaveLength(1);
    socket.close();
  });

  it("a redelivered attempt and the dead-letter consumer racing for a crashed stream send one done between them", async () => {
    const { thread, socket, asked, workspaceId } = await askOnNewThread();
    await killMidStream(workspaceId, asked.run.id, socket);
    await new Promise((resolve) => setTimeout(resolve, 1100));

    const [attempt, consumer] = await Promise.allSettled([
      processRun(workspaceId, asked.run.id),
      Agent.failAbandoned(workspaceId, asked.run.id),
    ]);
    // Whichever claimed the lapsed lease ends the answer; the other finds it taken or final.
    const winner = attempt.status === "fulfilled" && attempt.value === "completed" ? "completed" : "failed";
    if (winner === "failed") expect(consumer).toEqual({ status: "fulfilled", value: "failed" });
    expect(await Agent.failAbandoned(workspaceId, asked.run.id)).toBe("final");
    await socket.waitFor((f) => f.event === "agent.message.delta" && f.data.done);
    await new Promise((resolve) => setTimeout(resolve, 300));

    const message = await stored(thread.id, asked.assistantMessage.id);
    expect(message.status).toBe(winner);
    expect(deltasOf(socket.frames, asked.assistantMessage.id).filter((d) => d.done)).toHaveLength(1);
    const seen = replay(socket.frames, asked.assistantMessage.id);
    expect(seen).toEqual({ content: message.content, lastSeq: message.lastSeq, done: 1 });
    socket.close();
  });

  it("a late subscriber catches up from the checkpoint and applies only higher seqs", async () => {
    const { thread, socket, asked, workspaceId } = await askOnNewThread();
    const running = processRun(workspaceId, asked.run.id);
    await socket.waitFor((f) => f.event === "agent.message.delta" && f.data.seq >= 2);
    await new Promise((resolve) => setTimeout(resolve, 1100));
    const late = await openSocket(stack, token);
    await late.subscribe(`private-agent-threads.${thread.id}`);
    const checkpoint = await stored(thread.id, asked.assistantMessage.id);
    await running;
    await late.waitFor((f) => f.event === "agent.message.delta" && f.data.done);

    let content = checkpoint.content;
    let lastSeq = checkpoint.lastSeq;
    const pending = new Map<number, string>();
    for (const d of deltasOf(late.frames, asked.assistantMessage.id))
      if (d.seq > lastSeq) pending.set(d.seq, d.delta);
    while (pending.has(lastSeq + 1)) {
      content += pending.get(lastSeq + 1);
      lastSeq += 1;
    }
    const final = await stored(thread.id, asked.assistantMessage.id);
    if (lastSeq < final.lastSeq) {
      // Deltas sent between the checkpoint and the subscription: the client refetches.
      content = final.content;
      lastSeq = final.lastSeq;
    }
    expect(content).toBe(final.content);
    expect(lastSeq).toBe(final.lastSeq);
    socket.close();
    late.close();
  });

  it("cancel stops the answer within a second and ends it cancelled", async () => {
    const { thread, socket, asked, workspaceId } = await askOnNewThread(
      "Summarize the project in detail please",
    );
    const slow = processRun(workspaceId, asked.run.id);
    await socket.waitFor((f) => f.event === "agent.message.delta" && f.data.seq >= 1);
    const started = Date.now();
    expect((await call(stack, "POST", `/api/agent/runs/${asked.run.id}/cancel`, { token })).status).toBe(202);
    await socket.waitFor((f) => f.event === "agent.run.cancelled");
    expect(Date.now() - started).toBeLessThan(1000);
    expect(await slow).toBe("cancelled");
    const message = await stored(thread.id, asked.assistantMessage.id);
    expect(message.status).toBe("cancelled");
    expect(deltasOf(socket.frames, asked.assistantMessage.id).filter((d) => d.done)).toHaveLength(1);
    socket.close();
  });
});
