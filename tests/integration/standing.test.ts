// Where each project stands (GET /api/projects/standing), the projects page in one request: the
// same figures the project's own lists give each reader, so a client's card counts only what the
// permission table lets a client see, and nobody's card names a project they cannot open.
import type { ProjectStanding } from "@rehome/client";
import type { Stack } from "@rehome/local/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG, upload } from "../support/files";
import { bootStack, call, login, type Person } from "../support/stack";
import { changes, snapshot } from "../support/table";
import { isErrorShape } from "../support/world";

let stack: Stack;
let admin: Person;
let team: Person;
let client: Person;
let consultant: Person;
let otherAdmin: Person;
let projectId: string;
const TODAY = "2030-06-15";

async function as(who: Person, method: string, path: string, body?: unknown) {
  const answer = await call(stack, method, path, { token: who.token, body });
  if (answer.status >= 300)
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

const standing = async (who: Person, today = TODAY): Promise<ProjectStanding[]> =>
  (await as(who, "GET", `/api/projects/standing?today=${today}`)).items;
const of = async (who: Person) => (await standing(who)).find((s) => s.projectId === projectId);

beforeAll(async () => {
  stack = await bootStack({ worker: false });
  admin = await login(stack, "admin@demo.rehome.local");
  team = await login(stack, "team@demo.rehome.local");
  client = await login(stack, "client@demo.rehome.local");
  consultant = await login(stack, "consultant@demo.rehome.local");
  otherAdmin = await login(stack, "admin@northwind.rehome.local");
  ({ id: projectId } = await as(admin, "POST", "/api/projects", { name: "Standing porch" }));
  for (const [person, role] of [
    [team, "team"],
    [client, "client"],
  ] as const)
    await as(admin, "PUT", `/api/projects/${projectId}/assignments/${person.user.id}`, { role });
  const task = (body: object) => as(admin, "POST", `/api/projects/${projectId}/tasks`, body);
  await task({ title: "Strip the old boards", status: "done", dueDate: "2030-06-01" });
  await task({ title: "Order oak", status: "blocked", dueDate: "2030-06-14" });
  await task({ title: "Fit the steps", dueDate: "2030-06-20", assigneeId: team.user.id });
  await task({ title: "Sand the rail", dueDate: "2030-06-17" });
  // Staff only: a client's card must not count it, nor name it as next due.
  await task({ title: "Chase the supplier's margin", dueDate: "2030-06-10", clientVisible: false });
  await task({ title: "Price the margin", dueDate: "2030-06-16", clientVisible: false });
  const photo = await upload(stack, team.token, projectId, {
    name: "porch.png",
    contentType: "image/png",
    bytes: PNG,
  });
  expect(photo.status).toBe(200);
  const internal = await upload(stack, team.token, projectId, {
    name: "margin-sheet.png",
    contentType: "image/png",
    bytes: PNG,
  });
  await as(team, "PATCH", `/api/projects/${projectId}/files/${internal.body.id}`, { clientVisible: false });
});
afterAll(() => stack?.stop());

describe("where a project stands", () => {
  it("counts the tasks a team member sees: done, overdue, blocked, theirs, and the next due", async () => {
    expect(await of(team)).toMatchObject({
      tasks: { total: 6, done: 1, overdue: 2, blocked: 1, mine: 1 },
      nextDue: { title: "Price the margin", dueDate: "2030-06-16" },
    });
  });

  it("counts for a client only the tasks a client sees, and names no internal one", async () => {
    const card = await of(client);
    expect(card).toMatchObject({
      tasks: { total: 4, done: 1, overdue: 1, blocked: 1, mine: 0 },
      nextDue: { title: "Sand the rail", dueDate: "2030-06-17" },
    });
    expect(JSON.stringify(card)).not.toContain("margin");
  });

  it("gives each reader the figures their own lists give, the newest activity and photo included", async () => {
    for (const who of [admin, team, client]) {
      const card = await of(who);
      const tasks = (await as(who, "GET", `/api/projects/${projectId}/tasks?limit=200`)).items;
      const [activity] = (await as(who, "GET", `/api/projects/${projectId}/activity?limit=100`)).items;
      const files = (await as(who, "GET", `/api/projects/${projectId}/files?limit=50`)).items;
      expect(card?.tasks.total).toBe(tasks.length);
      expect(card?.lastActivity).toEqual({ summary: activity.summary, createdAt: activity.createdAt });
      expect(card?.photo?.fileId).toBe(files[0].id);
    }
    expect((await of(team))?.photo?.fileId).not.toBe((await of(client))?.photo?.fileId);
  });

  it("shows a client the newest activity a client may see, however many internal entries came after it", async () => {
    expect((await of(team))?.lastActivity?.summary).toBe("Made margin-sheet.png internal");
    expect((await of(client))?.lastActivity?.summary).toBe("Uploaded porch.png");
  });

  it("links the photo for download while the link lasts", async () => {
    const photo = (await of(client))?.photo;
    expect(photo && Date.parse(photo.expiresAt)).toBeGreaterThan(Date.now());
    const image = await fetch(photo?.url ?? "");
    expect(image.status).toBe(200);
    expect(new Uint8Array(await image.arrayBuffer())).toEqual(PNG);
  });

  it("moves with the reader's day: what is overdue and next depends on today", async () => {
    expect(await standing(team, "2030-06-18")).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          projectId,
          tasks: expect.objectContaining({ overdue: 4 }),
          nextDue: expect.objectContaining({ title: "Fit the steps" }),
        }),
      ]),
    );
  });
});

describe("whose projects", () => {
  it("follows GET /api/projects for everyone: a project appears only to who may open it", async () => {
    for (const who of [admin, team, client, consultant, otherAdmin]) {
      const listed = (await as(who, "GET", "/api/projects?limit=100")).items.map((p: { id: string }) => p.id);
      expect((await standing(who)).map((s) => s.projectId)).toEqual(listed);
    }
    expect(await of(consultant)).toBeUndefined();
    expect(await of(otherAdmin)).toBeUndefined();
  });

  it("needs a signed-in person", async () => {
    const answer = await call(stack, "GET", "/api/projects/standing");
    expect(answer.status).toBe(401);
    expect(isErrorShape(answer.body)).toBe(true);
  });
});

describe("bad input", () => {
  it("refuses a day that is not YYYY-MM-DD in the one error shape, writing nothing", async () => {
    const before = await snapshot();
    for (const today of ["2030-13-45", "tomorrow", "2030-6-1", ""]) {
      const answer = await call(stack, "GET", `/api/projects/standing?today=${today}`, { token: team.token });
      expect(answer.status, today).toBe(400);
      expect(isErrorShape(answer.body)).toBe(true);
    }
    expect(changes(before, await snapshot())).toEqual([]);
  });
});
