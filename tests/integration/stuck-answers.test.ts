// Answers whose job runs out of receives: the agent worker here dies mid-answer on every receive
// (as a Lambda killed by its timeout or memory would), SQS dead-letters the job after three, and
// the dead-letter consumer ends the answer "failed" with exactly one done, then parks the job in
// the DLQ. `rehome dlq list` shows it; `rehome dlq redrive` sends it back and the worker skips it.
import { SQSClient } from "@aws-sdk/client-sqs";
import { Agent } from "@rehome/core/agent";
import { processRun } from "@rehome/core/agent/worker";
import { messagesIn } from "@rehome/local/sqs/testing";
import type { SQSEvent } from "aws-lambda";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deltasOf, replay } from "../support/answers";
import { rehomeWith } from "../support/cli";
import { bootStack, call, login, openSocket, projectThread, type Socket, type Stack } from "../support/stack";

const VISIBILITY_SECONDS = 2;
// Past the first checkpoint (400 ms), well inside the answer: every attempt dies mid-stream.
const DIES_AFTER_MS = 700;

let stack: Stack;
let sqs: SQSClient;
let token: string;
let kitchenId: string;
/** Each receive the worker got: the run, its ApproximateReceiveCount, and when it died or ended. */
const receives: { runId: string; count: number; endedAt: number }[] = [];

async function dyingWorker(event: SQSEvent) {
  const attempts = event.Records.map(async (record) => {
    const job = Agent.parseJob(record.body);
    if (job?.type !== "agent.run") return "skipped";
    const crash = new AbortController();
    const timer = setTimeout(() => crash.abort(), DIES_AFTER_MS);
    const outcome = await processRun(job.workspaceId, job.runId, { crash: crash.signal });
    clearTimeout(timer);
    const count = Number(record.attributes.ApproximateReceiveCount);
    receives.push({ runId: job.runId, count, endedAt: Date.now() });
    return outcome;
  });
  // A run already over is skipped and its job deleted, as the real worker does; a death fails it.
  if ((await Promise.all(attempts)).includes("crashed")) throw new Error("the worker died mid-answer");
}

beforeAll(async () => {
  stack = await bootStack({
    agentWorker: dyingWorker,
    queueVisibilitySeconds: VISIBILITY_SECONDS,
    env: {
      OFFLINE_TOKENS_PER_SEC: "12",
      AGENT_LEASE_SECONDS: "1",
      STREAM_CHECKPOINT_MS: "400",
      STREAM_COALESCE_MS: "20",
    },
  });
  sqs = new SQSClient({ endpoint: stack.env.SQS_ENDPOINT, region: "us-east-1" });
  token = (await login(stack, "team@demo.rehome.local")).token;
  const projects = await call(stack, "GET", "/api/projects", { token });
  kitchenId = projects.body.items.find((p: { name: string }) => p.name.startsWith("Kitchen")).id;
});
afterAll(() => stack?.stop());

const wiring = (name: string) => stack.env[name] ?? "";

const queued = (name: string) => messagesIn(sqs, wiring(name));

/** `rehome dlq …` against the stack's queues, as an operator runs it against AWS. */
const dlq = (action: "list" | "redrive") =>
  rehomeWith(
    { AWS_ENDPOINT_URL_SQS: wiring("SQS_ENDPOINT") },
    "dlq",
    action,
    "--queue-url",
    wiring("AGENT_QUEUE_URL"),
    "--dlq-url",
    wiring("AGENT_DLQ_URL"),
  );

describe("answers whose job runs out of receives", () => {
  let thread: Awaited<ReturnType<typeof projectThread>>;
  let socket: Socket;
  let asked: { run: { id: string }; assistantMessage: { id: string } };

  it("end failed with exactly one done soon after the last receive, for every reader and in the stored thread", async () => {
    thread = await projectThread(stack, token, kitchenId, "Overdue by assignee");
    socket = await openSocket(stack, token);
    expect(await socket.subscribe(`private-agent-threads.${thread.id}`)).toBe(true);
    const second = await openSocket(stack, token);
    expect(await second.subscribe(`private-agent-threads.${thread.id}`)).toBe(true);
    asked = (await thread.ask()).body;
    const messageId = asked.assistantMessage.id;

    const done = await socket.waitFor(
      (f) => f.event === "agent.message.delta" && f.data.messageId === messageId && f.data.done,
      20_000,
    );
    const doneAt = Date.now();
    const failed = await socket.waitFor(
      (f) => f.event === "agent.run.failed" && f.data.messageId === messageId,
    );
    expect(failed.data.error).toBe(Agent.GAVE_UP);

    // Three receives, each of which died mid-answer; then SQS dead-lettered the job.
    const ofRun = receives.filter((r) => r.runId === asked.run.id);
    expect(ofRun.map((r) => r.count)).toEqual([1, 2, 3]);
    // It comes back once more after the visibility timeout, when SQS moves it instead.
    const sinceLastReceive = doneAt - (ofRun.at(-1)?.endedAt ?? 0);
    expect(sinceLastReceive).toBeLessThan(VISIBILITY_SECONDS * 1000 + 3000);

    await new Promise((resolve) => setTimeout(resolve, 500));
    const [stored] = (await thread.messages()).filter((m: { id: string }) => m.id === messageId);
    expect(stored.status).toBe("failed");
    for (const reader of [socket, second]) {
      expect(deltasOf(reader.frames, messageId).filter((d) => d.done)).toHaveLength(1);
      const seen = replay(reader.frames, messageId);
      expect(seen).toEqual({ content: stored.content, lastSeq: stored.lastSeq, done: 1 });
    }
    expect(done.data.seq).toBe(stored.lastSeq);
    second.close();
  });

  it("park the job in the DLQ, where `rehome dlq list` shows it", async () => {
    await expect.poll(() => queued("AGENT_DLQ_URL"), { timeout: 5000 }).toBe(1);
    const listed = await dlq("list");
    expect(listed.code, listed.stderr).toBe(0);
    expect(listed.stdout).toContain(asked.run.id);
    expect(listed.stdout).toContain("1 message(s) in the DLQ");
  });

  it("stay failed when ops redrive the job: the worker skips it, no restart and no second done", async () => {
    const framesBefore = socket.frames.length;
    const receivesBefore = receives.length;
    // `dlq list` hid the message for 5 s; redrive takes what is visible.
    await new Promise((resolve) => setTimeout(resolve, 5200));
    const redriven = await dlq("redrive");
    expect(redriven.code, redriven.stderr).toBe(0);
    expect(redriven.stdout).toContain("1 message(s) redriven");

    await expect.poll(() => receives.length, { timeout: 5000 }).toBe(receivesBefore + 1);
    await expect.poll(() => queued("AGENT_QUEUE_URL"), { timeout: 5000 }).toBe(0);
    expect(receives.at(-1)?.runId).toBe(asked.run.id);
    await new Promise((resolve) => setTimeout(resolve, 500));
    const messageId = asked.assistantMessage.id;
    expect(socket.frames.slice(framesBefore).filter((f) => f.data?.messageId === messageId)).toEqual([]);
    const [stored] = (await thread.messages()).filter((m: { id: string }) => m.id === messageId);
    expect(stored.status).toBe("failed");
    expect(await queued("AGENT_DLQ_URL")).toBe(0);
    socket.close();
  });
});
