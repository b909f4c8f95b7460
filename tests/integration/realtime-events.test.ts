// Live domain events over real sockets on the local gateway: a participant of the project hears
// every kind of event within a second of the change, and nobody outside it — another project's
// subscriber, another workspace, an unassigned participant — ever hears any of them.
// One row per event type: adding an event to the product is adding a line to `cases`.
import { writeProjectDigest } from "@rehome/core/summary/writers";
import { decodeTime } from "ulid";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootStack, call, login, openSocket, type Person, type Socket, type Stack } from "../support/stack";

let stack: Stack;
let admin: Person;
let consultant: Person;
let loft: string;
let insider: Socket;
/** People who must hear nothing of the loft, each listening on their own project and user channels. */
let outsiders: { who: string; socket: Socket; ownProject: string; owner: Person; mayView: boolean }[];
const receivedAt = new Map<string, number>();

/** Calls the API as the demo admin and fails loudly on any error status. */
async function api(method: string, path: string, body?: unknown) {
  const response = await call(stack, method, path, { token: admin.token, body });
  if (response.status >= 300)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

const newTask = async (input: object = {}) =>
  (await api("POST", `/api/projects/${loft}/tasks`, { title: "Fit the dormer window", ...input }))
    .id as string;
const newMessage = async () =>
  (await api("POST", `/api/projects/${loft}/messages`, { body: "Scaffold goes up Monday." })).id as string;
async function newFile() {
  const text = "Measurements: 2.4 m x 3.1 m";
  const { file, upload } = await api("POST", `/api/projects/${loft}/files`, {
    name: "measurements.txt",
    contentType: "text/plain",
    size: Buffer.byteLength(text),
  });
  const form = new FormData();
  for (const [name, value] of Object.entries(upload.fields as Record<string, string>))
    form.append(name, value);
  form.append("file", new Blob([text], { type: "text/plain" }), "measurements.txt");
  expect((await fetch(upload.url, { method: "POST", body: form })).ok).toBe(true);
  return file.id as string;
}

interface Case {
  event: string;
  /** Where the insider hears it: the project channel, or the recipient's own user channel. */
  on?: "project" | "user";
  /** Steps that must happen first but are not what is timed. */
  prepare?: () => Promise<string>;
  /** The change itself; returns the id the event is about. */
  act: (id: string) => Promise<string>;
}

const cases: Case[] = [
  { event: "task.created", act: () => newTask() },
  {
    event: "task.updated",
    prepare: () => newTask(),
    act: (id) => patchTask(id, { title: "Fit both windows" }),
  },
  { event: "task.moved", prepare: () => newTask(), act: (id) => patchTask(id, { status: "in_progress" }) },
  { event: "task.deleted", prepare: () => newTask(), act: (id) => remove(`tasks/${id}`, id) },
  { event: "message.sent", act: () => newMessage() },
  {
    event: "message.updated",
    prepare: newMessage,
    act: (id) => patch(`messages/${id}`, { body: "Tuesday." }, id),
  },
  { event: "message.deleted", prepare: newMessage, act: (id) => remove(`messages/${id}`, id) },
  { event: "file.uploaded", prepare: newFile, act: (id) => complete(id) },
  { event: "file.deleted", prepare: () => newFile().then(complete), act: (id) => remove(`files/${id}`, id) },
  {
    event: "project.updated",
    act: () => patch("", { description: "Dormer loft, planning approved." }, loft),
  },
  {
    event: "agent.summary.ready",
    act: async () => (await writeProjectDigest(admin.user.workspaceId, loft)).id,
  },
  { event: "notification.created", on: "user", act: () => newTask({ assigneeId: consultant.user.id }) },
];

const patchTask = (id: string, body: object) => patch(`tasks/${id}`, body, id);
const patch = (path: string, body: object, id: string) =>
  api("PATCH", `/api/projects/${loft}${path ? `/${path}` : ""}`, body).then(() => id);
const remove = (path: string, id: string) => api("DELETE", `/api/projects/${loft}/${path}`).then(() => id);
const complete = (id: string) => api("POST", `/api/projects/${loft}/files/${id}/complete`).then(() => id);

/** A notification is about its subject; every other event is about the item it carries. */
const about = (data: { id?: string; subjectId?: string }, id: string) =>
  data.id === id || data.subjectId === id;

beforeAll(async () => {
  stack = await bootStack();
  admin = await login(stack, "admin@demo.rehome.local");
  consultant = await login(stack, "consultant@demo.rehome.local");
  const projects: { id: string; name: string }[] = (await api("GET", "/api/projects")).items;
  const named = (prefix: string) => projects.find((p) => p.name.startsWith(prefix))?.id ?? "";
  loft = named("Loft");

  insider = await openSocket(stack, consultant.token);
  insider.socket.on("message", (raw) => receivedAt.set(JSON.parse(String(raw)).id, Date.now()));
  expect(await insider.subscribe(`private-projects.${loft}`)).toBe(true);
  expect(await insider.subscribe(`private-users.${consultant.user.id}`)).toBe(true);

  const team = await login(stack, "team@demo.rehome.local");
  const client = await login(stack, "client@demo.rehome.local");
  const nora = await login(stack, "admin@northwind.rehome.local");
  const [warehouse] = (await call(stack, "GET", "/api/projects", { token: nora.token })).body.items;
  outsiders = [];
  for (const [who, owner, ownProject, mayView] of [
    // The team member may see the loft but only listens to the bathroom.
    ["a subscriber of another project", team, named("Bathroom"), true],
    ["an unassigned participant", client, named("Kitchen"), false],
    ["another workspace", nora, warehouse.id, false],
  ] as const) {
    const socket = await openSocket(stack, owner.token);
    expect(await socket.subscribe(`private-projects.${ownProject}`)).toBe(true);
    expect(await socket.subscribe(`private-users.${owner.user.id}`)).toBe(true);
    outsiders.push({ who, owner, ownProject, mayView, socket });
  }
});
afterAll(async () => {
  for (const socket of [insider, ...outsiders.map((o) => o.socket)]) socket?.close();
  await stack?.stop();
});

describe("live domain events", () => {
  it("outsiders are refused the project's channels and the participant's own channel", async () => {
    for (const { who, socket, mayView } of outsiders) {
      expect(await socket.subscribe(`private-users.${consultant.user.id}`), who).toBe(false);
      if (mayView) continue;
      expect(await socket.subscribe(`private-projects.${loft}`), who).toBe(false);
      expect(await socket.subscribe(`presence-projects.${loft}`), who).toBe(false);
    }
  });

  it.each(cases)(
    "a participant of the project hears $event within a second",
    async ({ event, on, prepare, act }) => {
      const id = await act(prepare ? await prepare() : "");
      const frame = await insider.waitFor((f) => f.event === event && about(f.data, id), 2000);
      // Envelope ids are time-ordered: they carry the moment of the publish, right after the write.
      expect((receivedAt.get(frame.id) ?? Number.POSITIVE_INFINITY) - decodeTime(frame.id)).toBeLessThan(
        1000,
      );
      expect(frame.channel).toBe(
        on === "user" ? `private-users.${consultant.user.id}` : `private-projects.${loft}`,
      );
    },
  );

  it("nobody outside the project heard any of them, though their own channels work", async () => {
    // Each outsider's socket is alive: their own post in their own project reaches them (a message,
    // which every role may post).
    for (const { socket, owner, ownProject } of outsiders) {
      const message = await call(stack, "POST", `/api/projects/${ownProject}/messages`, {
        token: owner.token,
        body: { body: "Control message" },
      });
      await socket.waitFor((f) => f.event === "message.sent" && f.data.id === message.body.id, 2000);
    }
    const names = new Set(cases.map((c) => c.event));
    for (const { who, socket, ownProject } of outsiders) {
      const heard = socket.frames.filter(
        (f) => names.has(f.event) && f.channel !== `private-projects.${ownProject}`,
      );
      expect(heard, who).toEqual([]);
      expect(
        socket.frames.filter((f) => JSON.stringify(f.data).includes(loft)),
        who,
      ).toEqual([]);
    }
  });
});
