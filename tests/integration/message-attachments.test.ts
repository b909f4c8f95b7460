// Photos and files in messages: a message shows files already uploaded to its project; a file of
// another project or none at all is refused with nothing stored; and a client never sees an
// internal file through a message, neither when it is posted nor after the file is made internal.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG, upload } from "../support/files";
import { bootStack, call, login, openSocket, type Person, type Stack } from "../support/stack";
import { changes, snapshot } from "../support/table";
import { isErrorShape } from "../support/world";

let stack: Stack;
let team: Person;
let client: Person;
let kitchen: string;
let loft: string;

beforeAll(async () => {
  stack = await bootStack({ worker: false });
  team = await login(stack, "team@demo.rehome.local");
  client = await login(stack, "client@demo.rehome.local");
  const projects = (await call(stack, "GET", "/api/projects", { token: team.token })).body.items;
  kitchen = projects.find((p: { name: string }) => p.name.startsWith("Kitchen")).id;
  loft = projects.find((p: { name: string }) => p.name.startsWith("Loft")).id;
});
afterAll(() => stack?.stop());

const photo = async (projectId: string, name: string, clientVisible: boolean) => {
  const done = await upload(stack, team.token, projectId, {
    name,
    contentType: "image/png",
    bytes: PNG,
    clientVisible,
  });
  expect(done.status).toBe(200);
  return done.body.id as string;
};

const post = (token: string, body: Record<string, unknown>) =>
  call(stack, "POST", `/api/projects/${kitchen}/messages`, { token, body });

const thread = async (person: Person) =>
  (await call(stack, "GET", `/api/projects/${kitchen}/messages`, { token: person.token })).body.items as {
    id: string;
    attachments: { id: string }[];
  }[];

describe("message attachments", () => {
  it("shows a photo of the project with the message, to the client too, live and in the thread", async () => {
    const fileId = await photo(kitchen, "tiles laid.png", true);
    const socket = await openSocket(stack, client.token);
    expect(await socket.subscribe(`private-projects.${kitchen}`)).toBe(true);

    const sent = await post(team.token, {
      body: "The tiles are in",
      attachments: [fileId],
      clientVisible: true,
    });
    expect(sent.status).toBe(201);
    const summary = {
      id: fileId,
      name: "tiles laid.png",
      contentType: "image/png",
      size: PNG.length,
      clientVisible: true,
    };
    expect(sent.body.attachments).toEqual([summary]);
    const live = await socket.waitFor((f) => f.event === "message.sent" && f.data.id === sent.body.id);
    expect(live.data.attachments).toEqual([summary]);
    expect((await thread(client)).find((m) => m.id === sent.body.id)?.attachments).toEqual([summary]);
    socket.close();

    // A photo alone is a message too.
    const alone = await post(team.token, { attachments: [fileId], clientVisible: true });
    expect(alone.status).toBe(201);
    expect(alone.body.body).toBe("");
  });

  it("refuses a file of another project, an unknown id and too many files, storing nothing", async () => {
    const elsewhere = await photo(loft, "loft beam.png", true);
    const before = await snapshot();
    for (const [attachments, status, code] of [
      [[elsewhere], 422, "message.attachment_not_found"],
      [["01jzzzzzzzzzzzzzzzzzzzzzzz"], 422, "message.attachment_not_found"],
      [Array.from({ length: 11 }, (_, i) => `f${i}`), 400, undefined],
      [[], 400, undefined],
    ] as const) {
      const refused = await post(team.token, { body: attachments.length ? "Look" : "", attachments });
      expect(refused.status).toBe(status);
      expect(isErrorShape(refused.body)).toBe(true);
      if (code) expect(refused.body.error.code).toBe(code);
    }
    expect(changes(before, await snapshot())).toEqual([]);
  });

  it("never lets a client see an internal file through a message", async () => {
    const internal = await photo(kitchen, "snag list.png", false);
    const before = await snapshot();
    const refused = await post(team.token, {
      body: "For the client",
      attachments: [internal],
      clientVisible: true,
    });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe("message.internal_attachment");
    expect(refused.body.error.details).toEqual({ fileIds: [internal] });
    expect(changes(before, await snapshot())).toEqual([]);

    // Staff may show it in an internal message, which may not then be shared while it shows it.
    const staffOnly = await post(team.token, {
      body: "Staff only",
      attachments: [internal],
      clientVisible: false,
    });
    expect(staffOnly.status).toBe(201);
    const share = await call(stack, "PATCH", `/api/projects/${kitchen}/messages/${staffOnly.body.id}`, {
      token: team.token,
      body: { clientVisible: true },
    });
    expect(share.status).toBe(422);
    expect(share.body.error.code).toBe("message.internal_attachment");

    // A shared photo made internal later drops out of the message for the client, not for staff.
    const shared = await photo(kitchen, "before works.png", true);
    const sent = await post(team.token, { body: "Before", attachments: [shared], clientVisible: true });
    expect(sent.status).toBe(201);
    const hide = await call(stack, "PATCH", `/api/projects/${kitchen}/files/${shared}`, {
      token: team.token,
      body: { clientVisible: false },
    });
    expect(hide.status).toBe(200);
    const socket = await openSocket(stack, client.token);
    expect(await socket.subscribe(`private-projects.${kitchen}`)).toBe(true);
    const edited = await call(stack, "PATCH", `/api/projects/${kitchen}/messages/${sent.body.id}`, {
      token: team.token,
      body: { body: "Before the works" },
    });
    expect(edited.body.attachments.map((f: { id: string }) => f.id)).toEqual([shared]);
    const live = await socket.waitFor((f) => f.event === "message.updated" && f.data.id === sent.body.id);
    expect(live.data.attachments).toEqual([]);
    socket.close();
    const seen = (await thread(client)).find((m) => m.id === sent.body.id);
    expect(seen?.attachments).toEqual([]);
    expect((await thread(team)).find((m) => m.id === sent.body.id)?.attachments).toHaveLength(1);
    expect((await thread(client)).some((m) => m.id === staffOnly.body.id)).toBe(false);
  });
});
