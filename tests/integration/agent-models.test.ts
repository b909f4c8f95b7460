// The models behind the assistant, with the real Anthropic SDK against the fake Messages API: an
// admin chooses the workspace's model from the allowlist; every run records the model that
// answered and its cost at that model's prices, cache writes and reads included; the project's
// data is a cached prefix that a second question reads from the cache; an overloaded model gives
// way to the fallback, and the circuit breaker counts each model apart. The worker is driven by hand.

import { RunEntity } from "@rehome/core/agent/entity";
import { processRun } from "@rehome/core/agent/worker";
import { type FakeAnthropic, startFakeAnthropic } from "@rehome/local/fake-anthropic";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootStack, call, fakeAnthropicEnv, login, type Person, type Stack } from "../support/stack";

const SONNET = "claude-sonnet-5-5";
const OPUS = "claude-opus-5";
const HAIKU = "claude-haiku-5";
/** Cents per million tokens: input, output, cache write, cache read. */
const PRICES = {
  [SONNET]: { input: 300, output: 1500, cacheWrite: 375, cacheRead: 30 },
  [OPUS]: { input: 500, output: 2500, cacheWrite: 625, cacheRead: 50 },
  [HAIKU]: { input: 100, output: 500, cacheWrite: 125, cacheRead: 10 },
};
const THRESHOLD = 2;

let fake: FakeAnthropic;
let stack: Stack;
let admin: Person;
let team: Person;
let workspaceId: string;
let kitchen: string;

beforeAll(async () => {
  // A prefix of any length is cached, so the demo project's data (a few hundred tokens) is.
  fake = await startFakeAnthropic({ kind: "answer", text: "The worktop is blocked." }, { minCacheTokens: 0 });
  stack = await bootStack({
    worker: false,
    env: {
      ...fakeAnthropicEnv(fake),
      AI_MODEL: SONNET,
      AI_MODELS: OPUS,
      AI_FALLBACK_MODEL: HAIKU,
      AI_PRICES: Object.entries(PRICES)
        .map(([model, p]) => `${model}=${p.input}:${p.output}:${p.cacheWrite}:${p.cacheRead}`)
        .join(","),
      AI_MAX_RETRIES: "1",
      AI_BREAKER_THRESHOLD: String(THRESHOLD),
      AI_BREAKER_COOLDOWN_SECONDS: "600",
      AGENT_LIMIT_PER_MINUTE: "100",
    },
  });
  admin = await login(stack, "admin@demo.rehome.local");
  team = await login(stack, "team@demo.rehome.local");
  workspaceId = admin.user.workspaceId;
  const projects = (await call(stack, "GET", "/api/projects", { token: team.token })).body.items;
  kitchen = projects.find((p: { name: string }) => p.name.startsWith("Kitchen")).id;
});
afterAll(async () => {
  await stack?.stop();
  await fake?.stop();
});

const settingsPath = () => `/api/workspaces/${workspaceId}/ai-settings`;
const chooseModel = (model: string, token = admin.token) =>
  call(stack, "PUT", settingsPath(), { token, body: { model } });
const usage = async () =>
  (await call(stack, "GET", `/api/workspaces/${workspaceId}/usage`, { token: admin.token })).body;

/** Asks on a new Kitchen thread of the team member's, lets the worker answer; returns the stored answer and run. */
async function answerOne(question = "What is blocked?") {
  const thread = (
    await call(stack, "POST", `/api/projects/${kitchen}/agent/threads`, { token: team.token, body: {} })
  ).body;
  const asked = await call(stack, "POST", `/api/agent/threads/${thread.id}/messages`, {
    token: team.token,
    body: { content: question },
  });
  expect(asked.status, JSON.stringify(asked.body)).toBe(202);
  const outcome = await processRun(workspaceId, asked.body.run.id);
  const messages = (
    await call(stack, "GET", `/api/agent/threads/${thread.id}/messages`, { token: team.token })
  ).body.items;
  const { data: run } = await RunEntity().get({ workspaceId, runId: asked.body.run.id }).go();
  if (!run) throw new Error("run not stored");
  return {
    outcome,
    answer: messages.find((m: { id: string }) => m.id === asked.body.assistantMessage.id),
    run: {
      ...run,
      tokensIn: run.tokensIn ?? 0,
      tokensOut: run.tokensOut ?? 0,
      cacheWriteTokens: run.cacheWriteTokens ?? 0,
      cacheReadTokens: run.cacheReadTokens ?? 0,
      costCents: run.costCents ?? 0,
    },
  };
}

const costAt = (
  prices: (typeof PRICES)[keyof typeof PRICES],
  run: { tokensIn: number; tokensOut: number; cacheWriteTokens: number; cacheReadTokens: number },
) =>
  (run.tokensIn * prices.input +
    run.tokensOut * prices.output +
    run.cacheWriteTokens * prices.cacheWrite +
    run.cacheReadTokens * prices.cacheRead) /
  1e6;

describe("the workspace's model", () => {
  it("is the configured default until an admin chooses another from the allowlist, with its prices shown", async () => {
    const { status, body } = await call(stack, "GET", settingsPath(), { token: admin.token });
    expect(status).toBe(200);
    expect(body).toEqual({
      model: SONNET,
      defaultModel: SONNET,
      fallbackModel: HAIKU,
      provider: "anthropic",
      models: [
        { id: SONNET, prices: PRICES[SONNET] },
        { id: OPUS, prices: PRICES[OPUS] },
      ],
    });

    const refused = await chooseModel("claude-unlisted");
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("ai.model_not_allowed");

    const chosen = await chooseModel(OPUS);
    expect(chosen.status, JSON.stringify(chosen.body)).toBe(200);
    expect(chosen.body.model).toBe(OPUS);
    const { answer, run } = await answerOne();
    expect(fake.requests().at(-1)?.model).toBe(OPUS);
    expect(answer).toMatchObject({ status: "completed", model: OPUS });
    expect(run.model).toBe(OPUS);
    expect(run.costCents).toBeCloseTo(costAt(PRICES[OPUS], run), 6);

    const audit = (await call(stack, "GET", "/api/audit?limit=20", { token: admin.token })).body.items;
    expect(audit.find((e: { action: string }) => e.action === "ai.model_chosen")).toMatchObject({
      actorId: admin.user.id,
      details: { before: SONNET, after: OPUS },
    });
    expect((await chooseModel(SONNET)).status).toBe(200);
  });

  it("is an admin's to choose: a participant gets 403, another workspace's admin 404", async () => {
    expect((await call(stack, "GET", settingsPath(), { token: team.token })).status).toBe(403);
    expect((await chooseModel(OPUS, team.token)).status).toBe(403);
    const northwind = await login(stack, "admin@northwind.rehome.local");
    expect((await call(stack, "GET", settingsPath(), { token: northwind.token })).status).toBe(404);
    expect((await chooseModel(OPUS, northwind.token)).status).toBe(404);
    expect((await call(stack, "GET", settingsPath(), { token: admin.token })).body.model).toBe(SONNET);
  });
});

describe("prompt caching", () => {
  it("sends the project's data as the same cached prefix twice; the second question reads it at the cache price", async () => {
    const sent = fake.requests().length;
    const first = await answerOne("What is blocked?");
    const second = await answerOne("Who is on the tiling?");
    const [a, b] = fake.requests().slice(sent);
    const blocksOf = (request: typeof a) =>
      request?.messages[0]?.content as { text: string; cache_control?: object }[];
    // The data block ends the cacheable prefix and is the same both times; only the question differs.
    expect(blocksOf(a)[0]).toMatchObject({ cache_control: { type: "ephemeral" } });
    expect(blocksOf(a)[0]?.text).toContain("<project_data");
    expect(blocksOf(b)[0]).toEqual(blocksOf(a)[0]);
    expect(a?.system).toEqual(b?.system);
    expect(blocksOf(a)[1]?.text).toBe("Question: What is blocked?");
    expect(blocksOf(b)[1]?.text).toBe("Question: Who is on the tiling?");

    expect(first.run.cacheWriteTokens).toBeGreaterThan(0);
    expect(first.run.cacheReadTokens).toBe(0);
    expect(second.run.cacheWriteTokens).toBe(0);
    expect(second.run.cacheReadTokens).toBe(first.run.cacheWriteTokens);
    for (const { run } of [first, second]) expect(run.costCents).toBeCloseTo(costAt(PRICES[SONNET], run), 6);
    expect(second.run.costCents).toBeLessThan(first.run.costCents);

    const report = await usage();
    expect(report.cacheReadTokens).toBeGreaterThanOrEqual(second.run.cacheReadTokens);
    expect(report.byModel.map((m: { model: string }) => m.model).sort()).toEqual([OPUS, SONNET].sort());
  });
});

describe("the fallback model", () => {
  it("answers when the workspace's model is overloaded (529), and the answer and its cost say so", async () => {
    fake.stick(SONNET, { kind: "overloaded" });
    const before = await usage();
    const sent = fake.requests().length;
    const { outcome, answer, run } = await answerOne();
    expect(outcome).toBe("completed");
    // One 529 and straight to the fallback: an overloaded model is not retried when another can answer.
    expect(
      fake
        .requests()
        .slice(sent)
        .map((r) => r.model),
    ).toEqual([SONNET, HAIKU]);
    expect(answer).toMatchObject({ status: "completed", content: "The worktop is blocked.", model: HAIKU });
    expect(run).toMatchObject({ status: "completed", model: HAIKU });
    expect(run.costCents).toBeGreaterThan(0);
    expect(run.costCents).toBeCloseTo(costAt(PRICES[HAIKU], run), 6);

    const after = await usage();
    const haiku = (report: typeof after) =>
      report.byModel.find((m: { model: string }) => m.model === HAIKU) ?? { costCents: 0, runs: 0 };
    expect(haiku(after).runs - haiku(before).runs).toBe(1);
    expect(haiku(after).costCents - haiku(before).costCents).toBeCloseTo(run.costCents, 6);
  });

  it("counts failures per model: with the workspace's model's breaker open, questions go straight to the fallback", async () => {
    // The 529 of the test before is the first of the streak.
    for (let i = 1; i < THRESHOLD; i++) expect((await answerOne()).run.model).toBe(HAIKU);
    const sent = fake.requests().length;
    const { answer } = await answerOne();
    expect(
      fake
        .requests()
        .slice(sent)
        .map((r) => r.model),
    ).toEqual([HAIKU]);
    expect(answer.model).toBe(HAIKU);

    // Only when the fallback fails as well does the assistant refuse new questions.
    fake.stick(HAIKU, { kind: "overloaded" });
    for (let i = 0; i < THRESHOLD; i++) expect((await answerOne()).outcome).toBe("failed");
    const thread = (
      await call(stack, "POST", `/api/projects/${kitchen}/agent/threads`, { token: team.token, body: {} })
    ).body;
    const refused = await call(stack, "POST", `/api/agent/threads/${thread.id}/messages`, {
      token: team.token,
      body: { content: "Still there?" },
    });
    expect(refused.status).toBe(503);
    expect(refused.body.error.code).toBe("agent.unavailable");
    fake.stick(SONNET, undefined);
    fake.stick(HAIKU, undefined);
  });
});
