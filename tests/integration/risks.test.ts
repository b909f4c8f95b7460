// Risks & Blockers on a local stack: an admin sees their workspace's blocked and overdue tasks and
// quiet projects (never another workspace's), each with its reason; others are refused; a refresh
// is explained by the offline assistant, citing the items, announced to admins only, and a job
// delivered twice writes it once.

import { ProjectEntity } from "@rehome/core/project/entity";
import { keysOf, TaskEntity } from "@rehome/core/task/entity";
import { createId } from "@rehome/core/util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { deliverJob } from "../support/jobs";
import { bootStack, call, login, openSocket, type Person, type Stack, succeed } from "../support/stack";

let stack: Stack;
let admin: Person;
let team: Person;
let otherAdmin: Person;
let workspaceId: string;
let risksPath: string;

type Entry = {
  id: string;
  kind: string;
  reason: string;
  explanation: string;
  explained: boolean;
  citations: string[];
};

const api = (person: Person, method: string, path: string, body?: unknown) =>
  succeed(stack, person, method, path, body);

const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
const entry = (items: Entry[], id: string) => items.find((i) => i.id === id);

/** A project nobody has touched for 9 days, holding a task blocked 6 days ago (written as the table would hold them). */
async function quietProject() {
  const projectId = createId();
  const taskId = createId();
  await ProjectEntity()
    .create({ workspaceId, projectId, name: "Garden studio", createdAt: daysAgo(9), updatedAt: daysAgo(9) })
    .go();
  await TaskEntity()
    .create({
      workspaceId,
      projectId,
      taskId,
      title: "Planning officer's reply",
      status: "blocked",
      position: 1,
      ...keysOf({}),
      createdBy: admin.user.id,
      createdAt: daysAgo(9),
      updatedAt: daysAgo(6),
    })
    .go();
  return { projectId, taskId };
}

let kitchen: string;
let overdueId: string;
let quiet: { projectId: string; taskId: string };
let foreignId: string;

beforeAll(async () => {
  stack = await bootStack();
  admin = await login(stack, "admin@demo.rehome.local");
  team = await login(stack, "team@demo.rehome.local");
  otherAdmin = await login(stack, "admin@northwind.rehome.local");
  workspaceId = admin.user.workspaceId;
  risksPath = `/api/workspaces/${workspaceId}/risks`;
  kitchen = (await api(admin, "GET", "/api/projects")).items.find((p: { name: string }) =>
    p.name.includes("Kitchen"),
  ).id;
  overdueId = (
    await api(admin, "POST", `/api/projects/${kitchen}/tasks`, {
      title: "Order the splashback tiles",
      dueDate: daysAgo(5).slice(0, 10),
    })
  ).id;
  quiet = await quietProject();
  const [warehouse] = (await api(otherAdmin, "GET", "/api/projects")).items;
  foreignId = (
    await api(otherAdmin, "POST", `/api/projects/${warehouse.id}/tasks`, {
      title: "Northwind crane permit",
      status: "blocked",
    })
  ).id;
});
afterAll(() => stack?.stop());

describe("Risks & Blockers", () => {
  it("lists the workspace's blocked and overdue tasks and quiet projects with their reasons, never another workspace's", async () => {
    const report = await api(admin, "GET", risksPath);
    const items: Entry[] = report.items;
    expect(entry(items, `task:${quiet.taskId}`)).toMatchObject({
      kind: "blocked",
      reason: "Blocked for 6 days",
    });
    expect(entry(items, `task:${overdueId}`)).toMatchObject({ kind: "overdue", reason: "Overdue by 5 days" });
    expect(entry(items, `project:${quiet.projectId}`)).toMatchObject({
      kind: "project",
      reason: "No activity for 9 days, with 1 task open",
    });
    // The demo's own: blocked today, and two days late.
    const worktop = items.find((i) => i.reason === "Blocked since today; overdue by 2 days");
    expect(worktop?.kind).toBe("blocked");
    expect(items.every((i) => i.explained === false)).toBe(true);
    expect(items[0]?.explanation).toBe("Not explained yet: choose Refresh to ask the assistant.");
    expect(report).toMatchObject({ explainedAt: null, refreshing: false, assistant: "on" });
    expect(JSON.stringify(report)).not.toContain(foreignId);
    expect(JSON.stringify(report)).not.toContain("Northwind");

    const theirs = await api(otherAdmin, "GET", `/api/workspaces/${otherAdmin.user.workspaceId}/risks`);
    expect(theirs.items.map((i: Entry) => i.id)).toContain(`task:${foreignId}`);
    expect(JSON.stringify(theirs)).not.toContain(quiet.taskId);
  });

  it("refuses anyone but the workspace's admins", async () => {
    for (const method of ["GET", "POST"]) {
      const refused = await call(stack, method, risksPath, { token: team.token });
      expect(refused.status).toBe(403);
      expect(refused.body.error.code).toBe("forbidden");
      expect((await call(stack, method, risksPath, { token: otherAdmin.token })).status).toBe(404);
    }
  });

  it("has the offline assistant explain each risk, citing it, announced to admins only, written once", async () => {
    const [adminSocket, teamSocket] = await Promise.all([admin, team].map((p) => openSocket(stack, p.token)));
    expect(await adminSocket?.subscribe(`private-users.${admin.user.id}`)).toBe(true);
    expect(await teamSocket?.subscribe(`private-users.${team.user.id}`)).toBe(true);

    const { reportId } = await api(admin, "POST", risksPath);
    // Asking again while it is being written queues nothing new.
    expect((await api(admin, "POST", risksPath)).reportId).toBe(reportId);
    const isReady = (f: { event: string }) => f.event === "agent.risks.ready";
    const ready = await adminSocket?.waitFor(isReady, 20_000);
    expect(ready?.data.reportId).toBe(reportId);

    const report = await api(admin, "GET", risksPath);
    expect(report).toMatchObject({ refreshing: false, explainedAt: ready?.data.createdAt });
    const blocked = entry(report.items, `task:${quiet.taskId}`);
    expect(blocked).toMatchObject({ explained: true, citations: [`task:${quiet.taskId}`] });
    expect(blocked?.explanation).toBe(
      "Nobody is assigned to it. Find out what it waits for and who can clear it.",
    );
    const late = entry(report.items, `task:${overdueId}`);
    expect(late?.explanation).toMatch(
      /^Nobody is assigned to it; it is overdue by \d+ days?\. Agree a new date/,
    );
    const worktop = report.items.find((i: Entry) => i.reason.startsWith("Blocked since today"));
    expect(worktop?.explanation).toContain("Cliff Client has it (labelled decision)");
    expect(entry(report.items, `project:${quiet.projectId}`)?.explanation).toBe(
      "1 open task here. Check in with the team before the work stalls.",
    );

    // SQS delivering the same job again (twice) writes and announces nothing more.
    const job = { type: "risks.report", workspaceId, reportId };
    expect((await deliverJob(job)).batchItemFailures).toEqual([]);
    expect((await deliverJob(job)).batchItemFailures).toEqual([]);
    expect((await api(admin, "GET", risksPath)).explainedAt).toBe(report.explainedAt);
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(adminSocket?.frames.filter(isReady)).toHaveLength(1);
    expect(teamSocket?.frames.filter(isReady)).toHaveLength(0);
    for (const socket of [adminSocket, teamSocket]) socket?.close();
  });

  it("still lists every risk with the budget spent, says so, and lists the budget itself", async () => {
    const budgets = `/api/workspaces/${workspaceId}/budgets`;
    await api(admin, "PUT", budgets, {
      userDailyCents: 0,
      workspaceDailyCents: 0.0001,
      workspaceMonthlyCents: 0,
    });
    try {
      const report = await api(admin, "GET", risksPath);
      expect(report.assistant).toBe("spent");
      expect(entry(report.items, "budget:workspaceDaily")?.reason).toMatch(/^Spent: /);
      // Risks explained earlier keep their note; the budget itself came up since.
      expect(entry(report.items, `task:${quiet.taskId}`)?.explained).toBe(true);
      expect(entry(report.items, "budget:workspaceDaily")?.explanation).toMatch(/AI budget is spent/);
      expect((await call(stack, "POST", risksPath, { token: admin.token })).status).toBe(429);
    } finally {
      await api(admin, "PUT", budgets, {
        userDailyCents: 0,
        workspaceDailyCents: 0,
        workspaceMonthlyCents: 0,
      });
    }
  });
});
