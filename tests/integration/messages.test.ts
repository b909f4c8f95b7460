// A project's message thread over HTTP and WebSocket: posting resolves @mentions to project
// members and notifies each of them live; edits and deletes are the author's, within the edit
// window; the thread reads newest first through cursors; every change is an event.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootStack, call, login, openSocket, type Stack } from "../support/stack";
import { rewrite } from "../support/table";

let stack: Stack;
let kitchen: string;
let loft: string;
const people: Record<string, { token: string; id: string }> = {};

beforeAll(async () => {
  stack = await bootStack({ worker: false });
  for (const role of ["admin", "team", "consultant", "client"]) {
    const session = await login(stack, `${role}@demo.rehome.local`);
    people[role] = { token: session.token, id: session.user.id };
  }
  const projects = (await call(stack, "GET", "/api/projects", { token: people.admin?.token })).body.items;
  kitchen = projects.find((p: { name: string }) => p.name.startsWith("Kitchen")).id;
  loft = projects.find((p: { name: string }) => p.name.startsWith("Loft")).id;
});
afterAll(() => stack?.stop());

const as = (role: string) => people[role] ?? { token: "", id: "" };
const post = (role: string, projectId: string, body: string) =>
  call(stack, "POST", `/api/projects/${projectId}/messages`, { token: as(role).token, body: { body } });

describe("messages", () => {
  it("resolves @Name and @email to members, stores them and notifies each one live", async () => {
    const cliff = await openSocket(stack, as("client").token);
    const cora = await openSocket(stack, as("consultant").token);
    expect(await cliff.subscribe(`private-users.${as("client").id}`)).toBe(true);
    expect(await cora.subscribe(`private-users.${as("consultant").id}`)).toBe(true);
    const thread = await openSocket(stack, as("admin").token);
    expect(await thread.subscribe(`private-projects.${kitchen}`)).toBe(true);

    const sent = await post(
      "team",
      kitchen,
      "@Cliff Client and @consultant@demo.rehome.local: see the quote. @Nobody",
    );
    expect(sent.status).toBe(201);
    expect(sent.body).toMatchObject({ authorId: as("team").id, authorName: "Tom Team" });
    expect(sent.body.mentions.sort()).toEqual([as("client").id, as("consultant").id].sort());

    for (const [socket, role] of [
      [cliff, "client"],
      [cora, "consultant"],
    ] as const) {
      const frame = await socket.waitFor((f) => f.event === "notification.created");
      expect(frame.channel).toBe(`private-users.${as(role).id}`);
      expect(frame.data).toMatchObject({
        kind: "mentioned",
        subjectType: "message",
        subjectId: sent.body.id,
      });
      const stored = await call(stack, "GET", "/api/notifications?unread=true", { token: as(role).token });
      expect(stored.body.items[0]).toMatchObject({ id: frame.data.id, readAt: null });
    }
    const event = await thread.waitFor((f) => f.event === "message.sent");
    expect(event.data).toMatchObject({ id: sent.body.id, body: sent.body.body });
    for (const socket of [cliff, cora, thread]) socket.close();
  });

  it("does not resolve people outside the project", async () => {
    // The client is not on the loft: naming them there mentions nobody.
    const sent = await post("team", loft, "@Cliff Client are you there?");
    expect(sent.body.mentions).toEqual([]);
  });

  it("lets the author edit within the window, announcing it and notifying the newly mentioned", async () => {
    const sent = await post("consultant", kitchen, "Inspection moved to Thursday.");
    const path = `/api/projects/${kitchen}/messages/${sent.body.id}`;
    const edited = await call(stack, "PATCH", path, {
      token: as("consultant").token,
      body: { body: "Inspection moved to Friday, @Tom Team." },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({
      body: "Inspection moved to Friday, @Tom Team.",
      mentions: [as("team").id],
    });
    expect(edited.body.editedAt).toEqual(expect.any(String));
    const mine = await call(stack, "GET", "/api/notifications?limit=1", { token: as("team").token });
    expect(mine.body.items[0]).toMatchObject({ kind: "mentioned", subjectId: sent.body.id });

    const other = await call(stack, "PATCH", path, { token: as("team").token, body: { body: "Hijacked" } });
    expect(other.status).toBe(403);

    await rewrite(
      { messageId: sent.body.id },
      { createdAt: new Date(Date.now() - 16 * 60_000).toISOString() },
    );
    const late = await call(stack, "PATCH", path, {
      token: as("consultant").token,
      body: { body: "Too late" },
    });
    expect(late.status).toBe(422);
    expect(late.body.error.code).toBe("message.edit_window_closed");
    expect((await call(stack, "DELETE", path, { token: as("consultant").token })).status).toBe(422);
    // Moderation: an admin may still remove it.
    expect((await call(stack, "DELETE", path, { token: as("admin").token })).status).toBe(204);
  });

  it("lets the author delete within the window and tells the project", async () => {
    const thread = await openSocket(stack, as("team").token);
    await thread.subscribe(`private-projects.${kitchen}`);
    const sent = await post("client", kitchen, "Oops, wrong thread");
    const path = `/api/projects/${kitchen}/messages/${sent.body.id}`;
    expect((await call(stack, "DELETE", path, { token: as("team").token })).status).toBe(403);
    expect((await call(stack, "DELETE", path, { token: as("client").token })).status).toBe(204);
    const deleted = await thread.waitFor((f) => f.event === "message.deleted");
    expect(deleted.data).toEqual({ id: sent.body.id, projectId: kitchen });
    const listed = await call(stack, "GET", `/api/projects/${kitchen}/messages?limit=100`, {
      token: as("team").token,
    });
    expect(listed.body.items.map((m: { id: string }) => m.id)).not.toContain(sent.body.id);
    thread.close();
  });

  it("reads the thread newest first through cursors, without gaps or repeats", async () => {
    const project = (
      await call(stack, "POST", "/api/projects", { token: as("admin").token, body: { name: "Chatty" } })
    ).body.id;
    const posted: string[] = [];
    for (let i = 0; i < 23; i++) posted.push((await post("admin", project, `Message ${i}`)).body.id);
    const read: string[] = [];
    let cursor: string | undefined;
    do {
      const query = `limit=5${cursor ? `&cursor=${cursor}` : ""}`;
      const page = await call(stack, "GET", `/api/projects/${project}/messages?${query}`, {
        token: as("admin").token,
      });
      read.push(...page.body.items.map((m: { id: string }) => m.id));
      cursor = page.body.nextCursor;
    } while (cursor);
    expect(read).toEqual([...posted].reverse());
  });

  it("marks notifications read, one or all", async () => {
    const { token } = as("client");
    const unread = (await call(stack, "GET", "/api/notifications?unread=true", { token })).body.items;
    expect(unread.length).toBeGreaterThan(0);
    const one = await call(stack, "POST", `/api/notifications/${unread[0].id}/read`, { token });
    expect(one.body.readAt).toEqual(expect.any(String));
    const all = await call(stack, "POST", "/api/notifications/read-all", { token });
    expect(all.body.marked).toBe(unread.length - 1);
    expect((await call(stack, "GET", "/api/notifications?unread=true", { token })).body.items).toEqual([]);
  });
});
