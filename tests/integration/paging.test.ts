// A project of 1,000 tasks pages completely through cursors (no duplicates, no gaps, board
// order kept), and every page of every filter (blocked, mine, by assignee, unassigned, overdue,
// by label) costs exactly one DynamoDB Query, counted on the real client against the local table.
import type { Actor } from "@rehome/core/actor";
import { dynamo } from "@rehome/core/aws/clients";
import { Project } from "@rehome/core/project";
import { Task } from "@rehome/core/task";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootStack, call, login, type Stack } from "../support/stack";

let stack: Stack;
let project: string;
let teamToken: string;
let consultantId: string;
const created: Task.Info[] = [];
let queries = 0;

const statuses = ["todo", "in_progress", "blocked", "done"] as const;
const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString().slice(0, 10);

beforeAll(async () => {
  stack = await bootStack({ worker: false, env: { RATE_LIMIT_TOKEN_PER_MINUTE: "0" } });
  const admin = await login(stack, "admin@demo.rehome.local");
  const team = await login(stack, "team@demo.rehome.local");
  const consultant = await login(stack, "consultant@demo.rehome.local");
  teamToken = team.token;
  consultantId = consultant.user.id;
  const actor: Actor = {
    type: "user",
    userId: admin.user.id,
    workspaceId: admin.user.workspaceId,
    role: "admin",
  };
  project = (await Project.create(actor, { name: "A thousand tasks" })).id;
  await Project.assign(actor, project, team.user.id, { role: "team" });
  await Project.assign(actor, project, consultant.user.id, { role: "consultant" });
  const assignees = [team.user.id, consultant.user.id, undefined];
  const inputs = Array.from({ length: 1000 }, (_, i) => ({
    title: `Task ${i}`,
    status: statuses[i % 4],
    assigneeId: assignees[i % 3],
    dueDate: i % 5 === 0 ? day(-3) : i % 5 === 1 ? day(10) : undefined,
    labels: i % 7 === 0 ? ["plumbing"] : [],
  }));
  for (let i = 0; i < inputs.length; i += 25)
    created.push(
      ...(await Promise.all(inputs.slice(i, i + 25).map((input) => Task.create(actor, project, input)))),
    );

  dynamo().middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === "QueryCommand") queries++;
      return next(args);
    },
    { step: "initialize", name: "countQueries" },
  );
}, 240_000);
afterAll(() => stack?.stop());

/**
 * Every page of a list, asserting each page cost one Query, and printing the count. `{consultant}`
 * in the query stands for the consultant's id, known only once the stack is up.
 */
async function pageThrough(query: string, limit: number) {
  const items: Task.Info[] = [];
  let cursor: string | undefined;
  let pages = 0;
  let total = 0;
  do {
    const params = new URLSearchParams(query.replace("{consultant}", consultantId));
    params.set("limit", String(limit));
    if (cursor) params.set("cursor", cursor);
    queries = 0;
    const page = await call(stack, "GET", `/api/projects/${project}/tasks?${params}`, { token: teamToken });
    expect(page.status).toBe(200);
    expect(queries, `page ${pages + 1} of "${query}"`).toBe(1);
    total += queries;
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
    pages++;
  } while (cursor);
  console.log(
    `paging "${query || "all"}" by ${limit}: ${items.length} tasks, ${pages} pages, ${total} Queries`,
  );
  return { items, pages };
}

const ids = (tasks: Task.Info[]) => tasks.map((t) => t.id);
const sorted = (values: string[]) => [...values].sort();

describe("paging 1,000 tasks", () => {
  it("returns every task exactly once, in board order, one Query per page", async () => {
    const { items, pages } = await pageThrough("", 97);
    expect(pages).toBeGreaterThanOrEqual(11);
    expect(new Set(ids(items)).size).toBe(items.length);
    expect(sorted(ids(items))).toEqual(sorted(ids(created)));
    const order = items.map((t) => `${t.status}:${t.position.toFixed(6).padStart(20, "0")}`);
    expect(order).toEqual([...order].sort());
  });

  const today = day(0);
  const filters: [string, (t: Task.Info) => boolean][] = [
    ["status=blocked", (t) => t.status === "blocked"],
    ["assignee=me", (t) => t.assigneeId === created[0]?.assigneeId],
    ["assignee={consultant}", (t) => t.assigneeId === consultantId],
    ["assignee=none", (t) => t.assigneeId === null],
    ["overdue=true", (t) => t.dueDate !== null && t.dueDate < today && t.status !== "done"],
    ["label=plumbing", (t) => t.labels.includes("plumbing")],
    [
      "assignee=me&overdue=true",
      (t) =>
        t.assigneeId === created[0]?.assigneeId &&
        t.dueDate !== null &&
        t.dueDate < today &&
        t.status !== "done",
    ],
    ["status=blocked&label=plumbing", (t) => t.status === "blocked" && t.labels.includes("plumbing")],
  ];
  it.each(filters)("filters %s completely, one Query per page", async (query, matches) => {
    const expected = created.filter(matches);
    expect(expected.length).toBeGreaterThan(0);
    const { items } = await pageThrough(query, 50);
    expect(new Set(ids(items)).size).toBe(items.length);
    expect(sorted(ids(items))).toEqual(sorted(ids(expected)));
  });

  it("lists mine by due date, undated last", async () => {
    const { items } = await pageThrough("assignee=me", 40);
    const dates = items.map((t) => t.dueDate ?? "9999-12-31");
    expect(dates).toEqual([...dates].sort());
  });

  it("refuses a cursor it did not hand out with a 400, not a 500", async () => {
    for (const cursor of ["garbage", Buffer.from('{"pk":"x","sk":"y"}').toString("base64url")]) {
      const answer = await call(stack, "GET", `/api/projects/${project}/tasks?cursor=${cursor}`, {
        token: teamToken,
      });
      expect(answer.status, cursor).toBe(400);
      expect(answer.body.error.code).toBe("invalid_cursor");
    }
  });
});
