// Upload tickets against the local S3 and tables: a form posts to a staging key, so posting it
// again after `complete` or a delete never touches the kept file; a ticket carries an expiry and,
// once past it, is gone for every read though DynamoDB has not deleted it yet; a completed file
// keeps no expiry.
import { PutCommand } from "@aws-sdk/lib-dynamodb";
import { documents } from "@rehome/core/aws/clients";
import { config } from "@rehome/core/config";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG, send } from "../support/files";
import { bootStack, call, login, type Stack } from "../support/stack";
import { snapshot } from "../support/table";
import { isErrorShape } from "../support/world";

/** An executable's header: what a replayed form would swap a checked picture for. */
const EXECUTABLE = new Uint8Array([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0]);
const UPLOAD_URL_TTL_SECONDS = 300;

let stack: Stack;
let token: string;
let kitchen: string;

beforeAll(async () => {
  stack = await bootStack({
    worker: false,
    env: { UPLOAD_URL_TTL_SECONDS: String(UPLOAD_URL_TTL_SECONDS) },
  });
  token = (await login(stack, "team@demo.rehome.local")).token;
  const projects = (await call(stack, "GET", "/api/projects", { token })).body.items;
  kitchen = projects.find((p: { name: string }) => p.name.startsWith("Kitchen")).id;
});
afterAll(() => stack?.stop());

interface Ticket {
  file: { id: string; name: string };
  upload: { url: string; fields: Record<string, string> };
}

const files = () => `/api/projects/${kitchen}/files`;
const complete = (fileId: string) => call(stack, "POST", `${files()}/${fileId}/complete`, { token });
const downloadLink = async (fileId: string) =>
  (await call(stack, "GET", `${files()}/${fileId}/download`, { token })).body.url as string;
const listed = async () =>
  (await call(stack, "GET", files(), { token })).body.items as {
    id: string;
    size: number;
    contentType: string;
  }[];

/** Posts a ticket's upload form (again), as anyone holding it could until it expires. */
async function postForm(ticket: Ticket, bytes: Uint8Array, contentType: string): Promise<number> {
  const form = new FormData();
  for (const [name, value] of Object.entries(ticket.upload.fields)) form.append(name, value);
  form.append("file", new Blob([bytes], { type: contentType }), ticket.file.name);
  const answer = await fetch(ticket.upload.url, { method: "POST", body: form });
  await answer.arrayBuffer();
  return answer.status;
}

/** A ticket with its form posted, not yet completed. */
async function uploaded(name: string): Promise<Ticket> {
  const { ticket, s3Status } = await send(stack, token, kitchen, {
    name,
    contentType: "image/png",
    bytes: PNG,
  });
  expect(ticket.status).toBe(201);
  expect(s3Status).toBe(204);
  return ticket.body;
}

/** The stored item of `entity` ("file" in Data, "upload" in Realtime) for a file id, if any. */
async function stored(entity: "file" | "upload", fileId: string) {
  const items = [...(await snapshot()).values()].map((json) => JSON.parse(json) as Record<string, unknown>);
  return items.find((item) => item.__edb_e__ === entity && item.fileId === fileId);
}

/** Moves a ticket's expiry into the past, as if time had passed before DynamoDB's TTL sweep. */
async function expire(fileId: string): Promise<void> {
  const ticket = await stored("upload", fileId);
  if (!ticket) throw new Error(`no ticket for ${fileId}`);
  const past = Math.floor(Date.now() / 1000) - 1;
  await documents().send(
    new PutCommand({ TableName: config().tables.realtime, Item: { ...ticket, expiresAt: past } }),
  );
}

const bytesAt = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());

describe("upload forms posted again", () => {
  it("keep a completed file's checked bytes, size and type", async () => {
    const ticket = await uploaded("checked.png");
    const done = await complete(ticket.file.id);
    expect(done.status).toBe(200);

    expect(await postForm(ticket, EXECUTABLE, "image/png")).toBe(204);
    expect(await bytesAt(await downloadLink(ticket.file.id))).toEqual(PNG);
    expect((await listed()).find((f) => f.id === ticket.file.id)).toMatchObject({
      size: PNG.length,
      contentType: "image/png",
    });
    // Completing again answers the file as checked; it does not read the staging key afresh.
    const again = await complete(ticket.file.id);
    expect(again.status).toBe(200);
    expect(again.body).toEqual(done.body);
    expect(await bytesAt(await downloadLink(ticket.file.id))).toEqual(PNG);
    // The form names a staging key, never the key the file is kept and downloaded under.
    expect(ticket.upload.fields.key).toMatch(/^staging\//);
  });

  it("bring no deleted file back", async () => {
    const ticket = await uploaded("deleted.png");
    expect((await complete(ticket.file.id)).status).toBe(200);
    const link = await downloadLink(ticket.file.id);
    expect((await call(stack, "DELETE", `${files()}/${ticket.file.id}`, { token })).status).toBe(204);

    expect(await postForm(ticket, PNG, "image/png")).toBe(204);
    expect((await fetch(link)).status).toBe(404);
    expect(await stored("file", ticket.file.id)).toBeUndefined();
  });
});

describe("upload tickets", () => {
  it("expire a little after their form; past it a ticket cannot be completed, listed or attached", async () => {
    const asked = Math.floor(Date.now() / 1000);
    const ticket = await uploaded("abandoned.png");
    const pending = await stored("upload", ticket.file.id);
    expect(pending?.expiresAt).toBeGreaterThanOrEqual(asked + UPLOAD_URL_TTL_SECONDS);
    expect(pending?.expiresAt).toBeLessThanOrEqual(asked + UPLOAD_URL_TTL_SECONDS + 3600);
    // Nothing durable is written for an upload until it is completed.
    expect(await stored("file", ticket.file.id)).toBeUndefined();

    await expire(ticket.file.id);
    const refused = await complete(ticket.file.id);
    expect(refused.status).toBe(404);
    expect(isErrorShape(refused.body)).toBe(true);
    expect(refused.body.error.code).toBe("not_found");
    expect((await listed()).map((f) => f.id)).not.toContain(ticket.file.id);
    expect((await call(stack, "GET", `${files()}/${ticket.file.id}/download`, { token })).status).toBe(404);
    const attached = await call(stack, "POST", `/api/projects/${kitchen}/messages`, {
      token,
      body: { body: "Look", attachments: [ticket.file.id] },
    });
    expect(attached.status).toBe(422);
    expect(attached.body.error.code).toBe("message.attachment_not_found");
    expect(await stored("file", ticket.file.id)).toBeUndefined();
  });

  it("become a ready file with no expiry when completed in time, and are gone", async () => {
    const ticket = await uploaded("in time.png");
    expect((await stored("upload", ticket.file.id))?.expiresAt).toEqual(expect.any(Number));

    expect((await complete(ticket.file.id)).status).toBe(200);
    const file = await stored("file", ticket.file.id);
    expect(file).toMatchObject({ status: "ready", size: PNG.length });
    expect(file).not.toHaveProperty("expiresAt");
    expect(await stored("upload", ticket.file.id)).toBeUndefined();
  });
});
