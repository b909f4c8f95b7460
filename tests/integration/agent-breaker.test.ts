// The circuit breaker with the real Anthropic SDK against the fake Messages API answering 529:
// after AI_BREAKER_THRESHOLD failed runs new questions get 503 agent.unavailable and queued runs
// fail without reaching the provider; after the cooldown one trial run goes through, and its
// success closes the breaker (its failure opens it again). The worker is driven by hand.
import { processRun } from "@rehome/core/agent/worker";
import { writeProjectDigest, writeWorkspaceRollup } from "@rehome/core/summary/writers";
import { type FakeAnthropic, startFakeAnthropic } from "@rehome/local/fake-anthropic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootStack, call, fakeAnthropicEnv, login, type Stack } from "../support/stack";

const THRESHOLD = 3;
// Long enough that a loaded machine still asks within it, short enough to wait out twice.
const COOLDOWN_MS = 2000;
let fake: FakeAnthropic;
let stack: Stack;
let token: string;
let workspaceId: string;
let threadId: string;
let kitchen: string;

beforeAll(async () => {
  fake = await startFakeAnthropic({ kind: "overloaded" });
  stack = await bootStack({
    worker: false,
    env: {
      ...fakeAnthropicEnv(fake),
      AI_MAX_RETRIES: "0",
      AI_BREAKER_THRESHOLD: String(THRESHOLD),
      AI_BREAKER_COOLDOWN_SECONDS: String(COOLDOWN_MS / 1000),
      AGENT_LIMIT_PER_MINUTE: "100",
    },
  });
  const team = await login(stack, "team@demo.rehome.local");
  token = team.token;
  workspaceId = team.user.workspaceId;
  const projects = (await call(stack, "GET", "/api/projects", { token })).body.items;
  kitchen = projects.find((p: { name: string }) => p.name.startsWith("Kitchen")).id;
  threadId = (await call(stack, "POST", `/api/projects/${kitchen}/agent/threads`, { token, body: {} })).body
    .id;
});
afterAll(async () => {
  await stack?.stop();
  await fake?.stop();
});

const ask = (content = "What is blocked?") =>
  call(stack, "POST", `/api/agent/threads/${threadId}/messages`, { token, body: { content } });

async function askAccepted() {
  const asked = await ask();
  expect(asked.status, JSON.stringify(asked.body)).toBe(202);
  return asked.body as { run: { id: string }; assistantMessage: { id: string } };
}

const answer = (runId: string) => processRun(workspaceId, runId);

async function storedAnswer(messageId: string) {
  const { body } = await call(stack, "GET", `/api/agent/threads/${threadId}/messages`, { token });
  return body.items.find((m: { id: string }) => m.id === messageId);
}

async function expectUnavailable() {
  const refused = await ask();
  expect(refused.status).toBe(503);
  expect(refused.body.error.code).toBe("agent.unavailable");
  expect(refused.body.error.message).toMatch(/unavailable.*provider keeps failing.*Try again in \d+ s/);
  const retryAfter = Number(refused.headers.get("Retry-After"));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(COOLDOWN_MS / 1000);
}

const cooldown = () => new Promise((resolve) => setTimeout(resolve, COOLDOWN_MS + 200));

describe("the agent's circuit breaker", () => {
  it("opens after consecutive provider failures: questions get 503 and queued runs never reach the provider", async () => {
    const runs = [];
    for (let i = 0; i <= THRESHOLD; i++) runs.push(await askAccepted());
    const before = fake.requests().length;
    for (const run of runs.slice(0, THRESHOLD)) expect(await answer(run.run.id)).toBe("failed");
    expect(fake.requests().length - before).toBe(THRESHOLD);

    await expectUnavailable();
    // Queued before the breaker opened: it fails at once, with the reason, and costs no request.
    const queued = runs[THRESHOLD] as (typeof runs)[number];
    expect(await answer(queued.run.id)).toBe("failed");
    expect(fake.requests().length - before).toBe(THRESHOLD);
    expect(await storedAnswer(queued.assistantMessage.id)).toMatchObject({ status: "failed" });
  });

  it("after the cooldown lets one trial through; when it fails the breaker opens again", async () => {
    await cooldown();
    const trial = await askAccepted();
    const before = fake.requests().length;
    expect(await answer(trial.run.id)).toBe("failed");
    expect(fake.requests().length - before).toBe(1);
    await expectUnavailable();
  });

  it("a trial that succeeds closes the breaker; runs arriving during the trial are refused", async () => {
    await cooldown();
    fake.script({ kind: "answer", text: "The worktop is blocked on the client.", tokensPerSec: 20 });
    const trial = await askAccepted();
    const during = await askAccepted();
    const before = fake.requests().length;
    const trialRun = answer(trial.run.id);
    await expect.poll(() => fake.requests().length - before, { timeout: 5000 }).toBe(1);
    expect(await answer(during.run.id)).toBe("failed");
    expect(await trialRun).toBe("completed");
    expect(await storedAnswer(trial.assistantMessage.id)).toMatchObject({
      status: "completed",
      content: "The worktop is blocked on the client.",
    });
    expect(fake.requests().length - before).toBe(1);

    // Closed, with the streak reset: fewer failures than the threshold do not open it.
    for (let i = 0; i < THRESHOLD - 1; i++) expect(await answer((await askAccepted()).run.id)).toBe("failed");
    fake.script({ kind: "answer", text: "Back to normal." });
    expect(await answer((await askAccepted()).run.id)).toBe("completed");
  });
});

describe("digests and the circuit breaker", () => {
  it("a failing digest counts in the streak; while open a digest repeats the last one without calling the provider", async () => {
    // The staff digest's two prompts, then the clients' two (the kitchen has a client).
    fake.script(
      { kind: "answer", text: "Tiles went up today." },
      { kind: "answer", text: "On track for handover." },
      { kind: "answer", text: "Tiles went up." },
      { kind: "answer", text: "On track." },
    );
    const first = await writeProjectDigest(workspaceId, kitchen);
    expect(first).toMatchObject({
      cached: false,
      content: "Tiles went up today.\n\nOn track for handover.\n",
    });

    for (let i = 0; i < THRESHOLD; i++)
      await expect(writeProjectDigest(workspaceId, kitchen)).rejects.toThrow();
    await expectUnavailable();

    const before = fake.requests().length;
    const repeated = await writeProjectDigest(workspaceId, kitchen);
    expect(repeated).toMatchObject({ cached: true, cachedFrom: first.createdAt, content: first.content });
    expect(repeated.id).not.toBe(first.id);
    // No earlier rollup to repeat: the job fails (the queue retries it), still without a request.
    await expect(writeWorkspaceRollup(workspaceId)).rejects.toThrow(/circuit breaker is open/);
    expect(fake.requests().length).toBe(before);
  });
});
