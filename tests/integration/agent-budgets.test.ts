// Agent budgets and cost on a local stack: every finished run is priced at the configured rates
// (the offline provider too) and counted once; admins hear once when a budget passes 80%; a
// spent budget refuses questions with 429 and makes digests repeat the last one, marked cached;
// the usage and budget endpoints are for the workspace's admins only.
import { Agent } from "@rehome/core/agent";
import { processRun } from "@rehome/core/agent/worker";
import { writeProjectDigest } from "@rehome/core/summary/writers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { inbox } from "../support/mail";
import { bootStack, call, login, type Person, projectThread, type Stack } from "../support/stack";

const PRICES = { input: 1000, output: 5000 };
const DEFAULTS = { userDailyCents: 500, workspaceDailyCents: 2000, workspaceMonthlyCents: 40000 };
const NO_LIMITS = { userDailyCents: 0, workspaceDailyCents: 0, workspaceMonthlyCents: 0 };
const ADMIN_EMAIL = "admin@demo.rehome.local";

let stack: Stack;
let admin: Person;
let team: Person;
let workspaceId: string;
let kitchenId: string;

beforeAll(async () => {
  // The worker is driven by hand, so each test knows exactly which runs have finished.
  stack = await bootStack({
    worker: false,
    env: {
      OFFLINE_TOKENS_PER_SEC: "5000",
      AI_PRICE_INPUT_CENTS_PER_MTOK: String(PRICES.input),
      AI_PRICE_OUTPUT_CENTS_PER_MTOK: String(PRICES.output),
      AI_BUDGET_USER_DAILY_CENTS: String(DEFAULTS.userDailyCents),
      AI_BUDGET_WORKSPACE_DAILY_CENTS: String(DEFAULTS.workspaceDailyCents),
      AI_BUDGET_WORKSPACE_MONTHLY_CENTS: String(DEFAULTS.workspaceMonthlyCents),
      AGENT_LIMIT_PER_MINUTE: "1000",
      AGENT_LIMIT_PER_DAY: "1000",
    },
  });
  admin = await login(stack, ADMIN_EMAIL);
  team = await login(stack, "team@demo.rehome.local");
  workspaceId = admin.user.workspaceId;
  const projects = await call(stack, "GET", "/api/projects", { token: team.token });
  kitchenId = projects.body.items.find((p: { name: string }) => p.name.startsWith("Kitchen")).id;
});
afterAll(() => stack?.stop());

const usage = async (query = "") =>
  (await call(stack, "GET", `/api/workspaces/${workspaceId}/usage${query}`, { token: admin.token })).body;

async function setBudgets(budgets: Partial<typeof NO_LIMITS>) {
  const body = { ...NO_LIMITS, ...budgets };
  const saved = await call(stack, "PUT", `/api/workspaces/${workspaceId}/budgets`, {
    token: admin.token,
    body,
  });
  expect(saved.status, JSON.stringify(saved.body)).toBe(200);
}

const newThread = (token = team.token) => projectThread(stack, token, kitchenId);

/** Asks as `token` and lets the worker answer; returns what the month's usage grew by. */
async function answerOne(token = team.token) {
  const before = await usage();
  const asked = await (await newThread(token)).ask();
  expect(asked.status, JSON.stringify(asked.body)).toBe(202);
  expect(await processRun(workspaceId, asked.body.run.id)).toBe("completed");
  const after = await usage();
  return {
    costCents: after.costCents - before.costCents,
    runs: after.runs - before.runs,
    tokensIn: after.tokensIn - before.tokensIn,
    tokensOut: after.tokensOut - before.tokensOut,
  };
}

const budgetNotices = async () =>
  (await call(stack, "GET", "/api/notifications", { token: admin.token })).body.items.filter(
    (n: { kind: string }) => n.kind === "budget_warning",
  );
const budgetEmails = async () =>
  (await inbox(stack, ADMIN_EMAIL)).filter((m) => m.subject.includes("assistant budget"));

const secondsToMidnightUtc = () => {
  const now = new Date();
  return (Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1) - now.getTime()) / 1000;
};

describe("agent budgets and cost", () => {
  it("prices a run at the configured rates and counts it once, even when the job is delivered twice", async () => {
    await setBudgets(NO_LIMITS);
    const before = await usage();
    const asked = (await (await newThread()).ask()).body;
    const outcomes = await Promise.all([
      processRun(workspaceId, asked.run.id),
      processRun(workspaceId, asked.run.id),
    ]);
    expect(outcomes.sort()).toEqual(["completed", "skipped"]);
    expect(await processRun(workspaceId, asked.run.id)).toBe("skipped");

    const after = await usage();
    expect(after.runs - before.runs).toBe(1);
    const tokensIn = after.tokensIn - before.tokensIn;
    const tokensOut = after.tokensOut - before.tokensOut;
    expect(tokensIn).toBeGreaterThan(0);
    expect(tokensOut).toBeGreaterThan(0);
    const priced = (tokensIn * PRICES.input + tokensOut * PRICES.output) / 1e6;
    expect(after.costCents - before.costCents).toBeCloseTo(priced, 5);
    expect(after.spent.workspaceTodayCents - before.spent.workspaceTodayCents).toBeCloseTo(priced, 5);
  });

  it("tells the admins once, in the app and by email, when a run takes a budget past 80%", async () => {
    await setBudgets(NO_LIMITS);
    const { costCents } = await answerOne();
    const spent = (await usage()).spent.workspaceTodayCents;
    // The next run lands at 85% of the day's budget.
    await setBudgets({ workspaceDailyCents: (spent + costCents) / 0.85 });
    expect(await budgetNotices()).toHaveLength(0);
    expect((await usage()).state).toBe("ok");

    await answerOne();
    expect((await usage()).state).toBe("warn");
    const [notice, ...more] = await budgetNotices();
    expect(more).toHaveLength(0);
    expect(notice).toMatchObject({ subjectType: "workspace", subjectId: workspaceId, projectId: null });
    expect(notice.text).toMatch(/over 80% of today's assistant budget/);
    await expect.poll(async () => (await budgetEmails()).length).toBe(1);
    const [email] = await budgetEmails();
    expect(email?.html).toContain(`href="${stack.url}/#/admin/cost"`);

    await answerOne();
    expect(await budgetNotices()).toHaveLength(1);
    expect(await budgetEmails()).toHaveLength(1);
    const northwind = await login(stack, "admin@northwind.rehome.local");
    const theirs = (await call(stack, "GET", "/api/notifications", { token: northwind.token })).body.items;
    expect(theirs.filter((n: { kind: string }) => n.kind === "budget_warning")).toHaveLength(0);
  });

  it("refuses a question once a budget is spent: 429 agent.budget_exhausted, Retry-After to the reset, nothing stored", async () => {
    await setBudgets(NO_LIMITS);
    await answerOne();
    const spent = (await usage()).spent;
    await setBudgets({ workspaceDailyCents: spent.workspaceTodayCents });
    const thread = await newThread();
    const before = await thread.messages();

    const refused = await thread.ask();
    expect(refused.status).toBe(429);
    expect(refused.body.error).toMatchObject({
      code: "agent.budget_exhausted",
      requestId: expect.any(String),
    });
    expect(refused.body.error.message).toMatch(/workspace has used its assistant budget for today/);
    const retryAfter = Number(refused.headers.get("retry-after"));
    expect(retryAfter).toBeGreaterThanOrEqual(secondsToMidnightUtc() - 5);
    expect(retryAfter).toBeLessThanOrEqual(secondsToMidnightUtc() + 5);
    expect(await thread.messages()).toEqual(before);
    expect((await usage()).state).toBe("blocked");

    await setBudgets({ workspaceMonthlyCents: spent.workspaceMonthCents });
    const monthly = await thread.ask();
    expect(monthly.status).toBe(429);
    expect(monthly.body.error.message).toMatch(/for this month/);
    expect(Number(monthly.headers.get("retry-after"))).toBeGreaterThanOrEqual(secondsToMidnightUtc() - 5);
    expect(Number(monthly.headers.get("retry-after"))).toBeLessThanOrEqual(31 * 86_400);
  });

  it("a spent workspace budget tells participants which budget and when it resets, its limit and spend only to admins", async () => {
    await setBudgets(NO_LIMITS);
    await answerOne();
    await setBudgets({ workspaceDailyCents: (await usage()).spent.workspaceTodayCents });
    const client = await login(stack, "client@demo.rehome.local");
    const now = new Date();
    const midnight = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate() + 1));
    const resetsAt = midnight.toISOString();

    for (const participant of [client, team]) {
      const refused = await (await newThread(participant.token)).ask();
      expect(refused.status, JSON.stringify(refused.body)).toBe(429);
      expect(refused.body.error.code).toBe("agent.budget_exhausted");
      expect(refused.body.error.details).toEqual({
        budget: "workspaceDaily",
        resetsAt,
      });
    }
    const byAdmin = await (await newThread(admin.token)).ask();
    expect(byAdmin.status).toBe(429);
    expect(byAdmin.body.error.details).toMatchObject({
      budget: "workspaceDaily",
      resetsAt,
      limitCents: expect.any(Number),
      spentCents: expect.any(Number),
    });
    expect(byAdmin.body.error.details.spentCents).toBeGreaterThanOrEqual(
      byAdmin.body.error.details.limitCents,
    );
  });

  it("a person's spent daily budget stops only that person", async () => {
    await setBudgets(NO_LIMITS);
    const { costCents } = await answerOne();
    await setBudgets({ userDailyCents: costCents / 2 });
    const refused = await (await newThread()).ask();
    expect(refused.status).toBe(429);
    expect(refused.body.error.message).toMatch(/You have used your assistant budget for today/);
    // Their own use against the cap on them is theirs to know.
    expect(refused.body.error.details).toMatchObject({ budget: "userDaily", limitCents: costCents / 2 });
    expect(refused.body.error.details.spentCents).toBeGreaterThanOrEqual(costCents);
    const consultant = await login(stack, "consultant@demo.rehome.local");
    expect((await (await newThread(consultant.token)).ask()).status).toBe(202);
  });

  it("with the workspace's budget spent, the digest repeats the last one, marked cached with its date", async () => {
    await setBudgets(NO_LIMITS);
    const fresh = await writeProjectDigest(workspaceId, kitchenId);
    expect(fresh).toMatchObject({ cached: false, cachedFrom: null });
    await answerOne();
    await setBudgets({ workspaceMonthlyCents: (await usage()).spent.workspaceMonthCents });
    // A change a fresh digest would report; the cached one must not.
    const task = { title: "Order the worktop offcuts", status: "blocked" };
    await call(stack, "POST", `/api/projects/${kitchenId}/tasks`, { token: team.token, body: task });

    const served = await writeProjectDigest(workspaceId, kitchenId);
    expect(served).toMatchObject({ cached: true, cachedFrom: fresh.createdAt, content: fresh.content });
    expect(served.content).not.toContain(task.title);
    const listed = await call(stack, "GET", `/api/projects/${kitchenId}/summaries`, { token: team.token });
    expect(listed.body.items[0]).toMatchObject({ id: served.id, cached: true, cachedFrom: fresh.createdAt });

    await setBudgets(NO_LIMITS);
    const next = await writeProjectDigest(workspaceId, kitchenId);
    expect(next.cached).toBe(false);
    expect(next.content).toContain(task.title);
  });

  it("the usage report shows the month's cost and a day-by-day trend, for the workspace's admins only", async () => {
    await setBudgets(NO_LIMITS);
    await answerOne();
    const report = await usage();
    const today = new Date().toISOString().slice(0, 10);
    expect(report.month).toBe(today.slice(0, 7));
    expect(report.costCents).toBeGreaterThan(0);
    expect(report.runs).toBeGreaterThan(0);
    expect(report.days).toHaveLength(Number(today.slice(8, 10)));
    expect(report.days.at(-1)).toMatchObject({ date: today, runs: report.runs });
    expect(report.days.at(-1).costCents).toBeCloseTo(report.costCents, 5);
    expect(report.budgets).toEqual(NO_LIMITS);
    expect(report.state).toBe("ok");

    const leap = await usage("?month=2024-02");
    expect(leap.days).toHaveLength(29);
    expect(leap).toMatchObject({ month: "2024-02", costCents: 0, runs: 0 });
    expect(
      (await call(stack, "GET", `/api/workspaces/${workspaceId}/usage?month=2024-13`, { token: admin.token }))
        .status,
    ).toBe(400);

    const path = `/api/workspaces/${workspaceId}/usage`;
    expect((await call(stack, "GET", path, { token: team.token })).status).toBe(403);
    const northwind = await login(stack, "admin@northwind.rehome.local");
    expect((await call(stack, "GET", path, { token: northwind.token })).status).toBe(404);
  });

  it("an admin sets the budgets (audited); defaults come from config; a participant gets 403, another workspace 404", async () => {
    const northwind = await login(stack, "admin@northwind.rehome.local");
    const theirs = `/api/workspaces/${northwind.user.workspaceId}/budgets`;
    expect((await call(stack, "GET", theirs, { token: northwind.token })).body).toEqual(DEFAULTS);

    const path = `/api/workspaces/${workspaceId}/budgets`;
    const body = { userDailyCents: 250.5, workspaceDailyCents: 1000, workspaceMonthlyCents: 0 };
    const saved = await call(stack, "PUT", path, { token: admin.token, body });
    expect(saved).toMatchObject({ status: 200, body });
    expect((await call(stack, "GET", path, { token: admin.token })).body).toEqual(body);
    expect((await usage()).budgets).toEqual(body);
    const audit = (await call(stack, "GET", "/api/audit", { token: admin.token })).body.items;
    expect(audit[0]).toMatchObject({
      action: "budgets.updated",
      actorId: admin.user.id,
      targetId: workspaceId,
    });

    expect((await call(stack, "PUT", path, { token: team.token, body })).status).toBe(403);
    expect((await call(stack, "PUT", path, { token: northwind.token, body })).status).toBe(404);
    const negative = await call(stack, "PUT", path, {
      token: admin.token,
      body: { ...body, userDailyCents: -1 },
    });
    expect(negative.status).toBe(400);
    expect((await call(stack, "GET", path, { token: admin.token })).body).toEqual(body);
  });
});
