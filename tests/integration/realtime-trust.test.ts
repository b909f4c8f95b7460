// The trust boundary over real sockets: a client subscribed to their project hears nothing of an
// internal item — created, changed, moved, deleted, uploaded, nor the staff's digest — while a
// team member on the same channel hears all of it; an item crossing the line reaches the client as
// `*.hidden` (its id only) or `*.shown` (the item); and an assistant thread is heard by its author
// alone.
import { writeProjectDigest } from "@rehome/core/summary/writers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG, upload } from "../support/files";
import {
  bootStack,
  call,
  type Frame,
  login,
  openSocket,
  type Person,
  type Socket,
  type Stack,
} from "../support/stack";

let stack: Stack;
let admin: Person;
let team: Person;
let client: Person;
let kitchen: string;
let channel: string;
let staffSocket: Socket;
let clientSocket: Socket;

async function api(method: string, path: string, body?: unknown, who: Person = admin) {
  const response = await call(stack, method, path, { token: who.token, body });
  if (response.status >= 300)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}
const inKitchen = (path: string) => `/api/projects/${kitchen}${path}`;

async function newFile(clientVisible: boolean) {
  const file = { name: "margins.png", contentType: "image/png", bytes: PNG, clientVisible };
  const done = await upload(stack, admin.token, kitchen, file);
  if (done.status !== 200) throw new Error(`upload: ${done.status} ${JSON.stringify(done.body)}`);
  return done.body.id as string;
}

/** The staff socket heard `event` about `id`. */
const staffHears = (event: string, id: string) =>
  staffSocket.waitFor((f) => f.channel === channel && f.event === event && f.data.id === id, 3000);

/**
 * Everything the client's socket heard so far, once a client-visible control message has reached
 * it: frames of one socket arrive in publish order, so anything sent before the control is in.
 */
async function clientFramesSettled(): Promise<Frame[]> {
  const control = await api("POST", inKitchen("/messages"), { body: "Control message", clientVisible: true });
  await clientSocket.waitFor((f) => f.event === "message.sent" && f.data.id === control.id, 3000);
  return clientSocket.frames.filter((f) => f.channel === channel);
}

beforeAll(async () => {
  stack = await bootStack({ worker: false });
  admin = await login(stack, "admin@demo.rehome.local");
  team = await login(stack, "team@demo.rehome.local");
  client = await login(stack, "client@demo.rehome.local");
  const projects: { id: string; name: string }[] = (await api("GET", "/api/projects", undefined, client))
    .items;
  kitchen = projects.find((p) => p.name.startsWith("Kitchen"))?.id ?? "";
  channel = `private-projects.${kitchen}`;
  staffSocket = await openSocket(stack, team.token);
  clientSocket = await openSocket(stack, client.token);
  expect(await staffSocket.subscribe(channel)).toBe(true);
  expect(await clientSocket.subscribe(channel)).toBe(true);
});
afterAll(async () => {
  staffSocket?.close();
  clientSocket?.close();
  await stack?.stop();
});

describe("internal items over the project channel", () => {
  it("reach the team member's socket and never the client's: tasks, messages, files and the staff digest", async () => {
    const internal = { clientVisible: false };
    const heard: [string, string][] = [];
    const task = (await api("POST", inKitchen("/tasks"), { title: "Check supplier margin", ...internal })).id;
    heard.push(["task.created", task]);
    await api("PATCH", inKitchen(`/tasks/${task}`), { title: "Check supplier margin again" });
    heard.push(["task.updated", task]);
    await api("PATCH", inKitchen(`/tasks/${task}`), { status: "in_progress" });
    heard.push(["task.moved", task]);
    await api("DELETE", inKitchen(`/tasks/${task}`));
    heard.push(["task.deleted", task]);

    const message = (await api("POST", inKitchen("/messages"), { body: "Our margin is 30%.", ...internal }))
      .id;
    heard.push(["message.sent", message]);
    await api("PATCH", inKitchen(`/messages/${message}`), { body: "Our margin is 28%." });
    heard.push(["message.updated", message]);
    await api("DELETE", inKitchen(`/messages/${message}`));
    heard.push(["message.deleted", message]);

    const file = await newFile(false);
    heard.push(["file.uploaded", file]);
    await api("DELETE", inKitchen(`/files/${file}`));
    heard.push(["file.deleted", file]);

    const digest = await writeProjectDigest(admin.user.workspaceId, kitchen);
    expect(digest.audience).toBe("staff");
    heard.push(["agent.summary.ready", digest.id]);

    for (const [event, id] of heard) await staffHears(event, id);
    const frames = await clientFramesSettled();
    const ids = new Set(heard.map(([, id]) => id));
    expect(frames.filter((f) => ids.has(f.data?.id)).map((f) => f.event)).toEqual([]);
    // The client hears their own digest, written from client-visible items only.
    const digests = frames.filter((f) => f.event === "agent.summary.ready").map((f) => f.data.audience);
    expect(digests).toEqual(["client"]);
    for (const frame of frames)
      expect(JSON.stringify(frame.data)).not.toMatch(/margin|quartz supplier quoted|07700 900123/i);
  });
});

describe("an item crossing the line", () => {
  const kinds = [
    {
      kind: "task",
      made: "task.created",
      make: async () => (await api("POST", inKitchen("/tasks"), { title: "Order the handles" })).id as string,
      path: (id: string) => `/tasks/${id}`,
    },
    {
      kind: "message",
      made: "message.sent",
      make: async () =>
        (await api("POST", inKitchen("/messages"), { body: "Handles arrive Friday." })).id as string,
      path: (id: string) => `/messages/${id}`,
    },
    { kind: "file", made: "file.uploaded", make: () => newFile(true), path: (id: string) => `/files/${id}` },
  ];

  it.each(kinds)(
    "a $kind made internal reaches the client as a hidden event with its id only, made visible again as a shown event with the item",
    async ({ kind, made, make, path }) => {
      const id = await make();
      await api("PATCH", inKitchen(path(id)), { clientVisible: false }, team);
      const hidden = await clientSocket.waitFor(
        (f) => f.event === `${kind}.hidden` && f.data.id === id,
        3000,
      );
      expect(hidden.data).toEqual({ id, projectId: kitchen });
      const updated = await staffHears(`${kind}.updated`, id);
      expect(updated.data.clientVisible).toBe(false);

      await api("PATCH", inKitchen(path(id)), { clientVisible: true }, team);
      const shown = await clientSocket.waitFor((f) => f.event === `${kind}.shown` && f.data.id === id, 3000);
      expect(shown.data).toMatchObject({ id, projectId: kitchen, clientVisible: true });
      await staffSocket.waitFor(
        (f) => f.event === `${kind}.updated` && f.data.id === id && f.data.clientVisible,
      );

      // The client heard it made, hidden and shown, nothing more; staff never hear hidden/shown.
      const aboutIt = (await clientFramesSettled()).filter((f) => f.data?.id === id).map((f) => f.event);
      expect(aboutIt).toEqual([made, `${kind}.hidden`, `${kind}.shown`]);
      expect(
        staffSocket.frames.filter((f) => f.data?.id === id && /\.(hidden|shown)$/.test(f.event)),
      ).toEqual([]);
    },
  );
});

describe("assistant threads", () => {
  it("are heard live by their author only: the client cannot subscribe to the team member's thread", async () => {
    const thread = (await api("POST", inKitchen("/agent/threads"), {}, team)).id;
    expect(await clientSocket.subscribe(`private-agent-threads.${thread}`)).toBe(false);
    expect(await staffSocket.subscribe(`private-agent-threads.${thread}`)).toBe(true);
    const adminSocket = await openSocket(stack, admin.token);
    // An admin may read a thread on the record, never listen in on it.
    expect(await adminSocket.subscribe(`private-agent-threads.${thread}`)).toBe(false);
    adminSocket.close();
    const own = (await api("POST", inKitchen("/agent/threads"), {}, client)).id;
    expect(await clientSocket.subscribe(`private-agent-threads.${own}`)).toBe(true);
  });
});
