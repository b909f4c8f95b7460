// Projects over real HTTP: admins edit and archive them; an archived project stays visible to
// its participants but read-only for everyone until unarchived. A person is told when they are
// added to a project, assigned a task or mentioned in one; the project's activity and the
// workspace's audit log say who did what, newest first.
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

beforeAll(async () => {
  stack = await bootStack({ worker: false });
  admin = await login(stack, "admin@demo.rehome.local");
  team = await login(stack, "team@demo.rehome.local");
  client = await login(stack, "client@demo.rehome.local");
});
afterAll(() => stack?.stop());

/** Calls the API as `who`, failing loudly unless it succeeded. */
async function as(who: Person, method: string, path: string, body?: unknown) {
  const answer = await call(stack, method, path, { token: who.token, body });
  if (answer.status >= 300)
    throw new Error(`${method} ${path}: ${answer.status} ${JSON.stringify(answer.body)}`);
  return answer.body;
}

/** A fresh project with the team member and the client on it. */
async function project(name: string): Promise<string> {
  const { id } = await as(admin, "POST", "/api/projects", { name });
  for (const [person, role] of [
    [team, "team"],
    [client, "client"],
  ] as const)
    await as(admin, "PUT", `/api/projects/${id}/assignments/${person.user.id}`, { role });
  return id;
}

describe("who is on a project", () => {
  it("lists the workspace's admins beside the assigned people, so anyone can name a task's admin assignee", async () => {
    const id = await project("Attic");
    const { items } = await as(client, "GET", `/api/projects/${id}/assignments`);
    expect(items).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ userId: team.user.id, role: "team" }),
        expect.objectContaining({ userId: client.user.id, role: "client" }),
        expect.objectContaining({ userId: admin.user.id, role: "admin", workspaceAdmin: true }),
      ]),
    );
    expect(items.filter((a: { userId: string }) => a.userId === admin.user.id)).toHaveLength(1);
  });
});

describe("editing and archiving", () => {
  it("an admin's edit is what participants see", async () => {
    const id = await project("Porch");
    await as(admin, "PATCH", `/api/projects/${id}`, {
      name: "Porch and steps",
      description: "Oak, not pine",
    });
    expect(await as(client, "GET", `/api/projects/${id}`)).toMatchObject({
      name: "Porch and steps",
      description: "Oak, not pine",
      status: "active",
    });
    const participant = await call(stack, "PATCH", `/api/projects/${id}`, {
      token: team.token,
      body: { name: "Mine now" },
    });
    expect(participant.status).toBe(403);
  });

  it("an archived project stays listed and readable for its participants, and nobody can change it", async () => {
    const id = await project("Garage");
    const task = await as(team, "POST", `/api/projects/${id}/tasks`, { title: "Clear the shelves" });
    const message = await as(team, "POST", `/api/projects/${id}/messages`, { body: "Shelves are out" });
    const file = await upload(stack, team.token, id, {
      name: "shelf.png",
      contentType: "image/png",
      bytes: PNG,
    });
    expect(file.status).toBe(200);
    await as(admin, "PATCH", `/api/projects/${id}`, { status: "archived" });

    const listed = (await as(client, "GET", "/api/projects")).items.find((p: { id: string }) => p.id === id);
    expect(listed.status).toBe("archived");
    for (const part of ["", "/tasks", "/messages", "/files", "/activity", "/assignments"])
      expect(
        (await call(stack, "GET", `/api/projects/${id}${part}`, { token: client.token })).status,
        part,
      ).toBe(200);
    expect(
      (await as(client, "GET", `/api/projects/${id}/tasks`)).items.map((t: { id: string }) => t.id),
    ).toEqual([task.id]);

    const before = await snapshot();
    const writes: [string, string, unknown][] = [
      ["POST", "tasks", { title: "One more thing" }],
      ["PATCH", `tasks/${task.id}`, { status: "done" }],
      ["DELETE", `tasks/${task.id}`, undefined],
      ["POST", "messages", { body: "Anyone there?" }],
      ["PATCH", `messages/${message.id}`, { body: "Edited" }],
      ["DELETE", `messages/${message.id}`, undefined],
      ["POST", "files", { name: "late.pdf", contentType: "application/pdf", size: 100 }],
      ["DELETE", `files/${file.body.id}`, undefined],
    ];
    for (const who of [team, admin])
      for (const [method, path, body] of writes) {
        const refused = await call(stack, method, `/api/projects/${id}/${path}`, { token: who.token, body });
        expect(refused.status, `${who.user.role} ${method} ${path}`).toBe(409);
        expect(refused.body.error.code).toBe("project.archived");
        expect(isErrorShape(refused.body)).toBe(true);
      }
    expect(changes(before, await snapshot())).toEqual([]);

    await as(admin, "PATCH", `/api/projects/${id}`, { status: "active" });
    expect(
      (await call(stack, "POST", `/api/projects/${id}/tasks`, { token: team.token, body: { title: "Back" } }))
        .status,
    ).toBe(201);
  });
});

describe("notifications", () => {
  it("a person is told once when added to a project, assigned a task or mentioned in one", async () => {
    const unread = async (who: Person) => (await as(who, "GET", "/api/notifications?unread=true")).items;
    const seen = new Set((await unread(client)).map((n: { id: string }) => n.id));
    const id = await project("Attic");
    const assigned = await as(admin, "POST", `/api/projects/${id}/tasks`, {
      title: "Pick insulation",
      assigneeId: client.user.id,
    });
    await as(admin, "PATCH", `/api/projects/${id}/tasks/${assigned.id}`, { title: "Pick insulation (wool)" });
    await as(admin, "PUT", `/api/projects/${id}/assignments/${client.user.id}`, { role: "client" });
    const mentioned = await as(team, "POST", `/api/projects/${id}/tasks`, {
      title: "Hatch size",
      description: "@client@demo.rehome.local which hatch do you prefer?",
    });

    const fresh = (await unread(client)).filter((n: { id: string }) => !seen.has(n.id));
    const told = fresh.map((n: { kind: string; subjectId: string; actorId: string }) =>
      [n.kind, n.subjectId, n.actorId].join(" "),
    );
    expect(told.sort()).toEqual(
      [
        `invited ${id} ${admin.user.id}`,
        `assigned ${assigned.id} ${admin.user.id}`,
        `mentioned ${mentioned.id} ${team.user.id}`,
      ].sort(),
    );
    expect(fresh.every((n: { projectId: string }) => n.projectId === id)).toBe(true);
  });
});

describe("activity and audit", () => {
  it("the project's activity says who did what, newest first", async () => {
    const id = await project("Shed");
    const task = await as(team, "POST", `/api/projects/${id}/tasks`, { title: "Pour the base" });
    await as(team, "PATCH", `/api/projects/${id}/tasks/${task.id}`, { status: "in_progress" });
    await as(client, "POST", `/api/projects/${id}/messages`, { body: "Looks level" });
    await as(admin, "DELETE", `/api/projects/${id}/tasks/${task.id}`);

    const { items } = await as(client, "GET", `/api/projects/${id}/activity`);
    const recent = items
      .slice(0, 4)
      .map((a: { action: string; actorId: string; summary: string }) => [a.action, a.actorId, a.summary]);
    expect(recent).toEqual([
      ["task.deleted", admin.user.id, 'Deleted "Pour the base"'],
      ["message.sent", client.user.id, "Posted a message"],
      ["task.moved", team.user.id, 'Moved "Pour the base" to In progress'],
      ["task.created", team.user.id, 'Created "Pour the base"'],
    ]);
    // The admin is not a member of the project, and the client still reads who it was.
    expect(items[0].actorName).toBe((await as(admin, "GET", "/api/me")).name);
    expect(items.slice(4).map((a: { action: string }) => a.action)).toEqual([
      "assignment.added",
      "assignment.added",
    ]);
  });

  it("the workspace's audit log lists the admins' actions, newest first", async () => {
    const id = await project("Fence");
    await as(admin, "PATCH", `/api/projects/${id}`, { status: "archived" });
    await as(admin, "PATCH", `/api/projects/${id}`, { status: "active" });
    await as(admin, "DELETE", `/api/projects/${id}/assignments/${client.user.id}`);

    const { items } = await as(admin, "GET", "/api/audit?limit=6");
    expect(
      items.map((e: { action: string; actorId: string; targetId: string }) => [
        e.action,
        e.targetId,
        e.actorId,
      ]),
    ).toEqual([
      ["assignment.removed", id, admin.user.id],
      ["project.unarchived", id, admin.user.id],
      ["project.archived", id, admin.user.id],
      ["assignment.added", id, admin.user.id],
      ["assignment.added", id, admin.user.id],
      ["project.created", id, admin.user.id],
    ]);
    expect((await call(stack, "GET", "/api/audit", { token: team.token })).status).toBe(403);
  });
});
