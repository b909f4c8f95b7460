// Files end to end against the local S3: a good upload is listed, downloadable and deletable;
// a disallowed type, bytes that are not the declared type, an oversized file and a name with
// folders are each refused with a clear error, and none of them is ever listed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { PNG, send, upload } from "../support/files";
import { bootStack, call, login, type Stack } from "../support/stack";

let stack: Stack;
let token: string;
let kitchen: string;

beforeAll(async () => {
  stack = await bootStack({ worker: false, env: { UPLOAD_MAX_BYTES: "4096" } });
  token = (await login(stack, "team@demo.rehome.local")).token;
  const projects = (await call(stack, "GET", "/api/projects", { token })).body.items;
  kitchen = projects.find((p: { name: string }) => p.name.startsWith("Kitchen")).id;
});
afterAll(() => stack?.stop());

const listed = async () =>
  (await call(stack, "GET", `/api/projects/${kitchen}/files`, { token })).body.items.map(
    (f: { name: string }) => f.name,
  );

describe("uploads", () => {
  it("lists a checked file, serves it by a short-lived link and deletes it with its object", async () => {
    const done = await upload(stack, token, kitchen, {
      name: "site photo.png",
      contentType: "image/png",
      bytes: PNG,
    });
    expect(done.status).toBe(200);
    expect(done.body).toMatchObject({ name: "site photo.png", status: "ready", size: PNG.length });
    expect(await listed()).toContain("site photo.png");

    const link = await call(stack, "GET", `/api/projects/${kitchen}/files/${done.body.id}/download`, {
      token,
    });
    expect(link.status).toBe(200);
    expect(link.body.url).toContain("X-Amz-Expires=");
    const object = await fetch(link.body.url);
    expect(object.status).toBe(200);
    expect(object.headers.get("content-disposition")).toContain("attachment");
    expect(new Uint8Array(await object.arrayBuffer())).toEqual(PNG);
    // The key is the workspace, project and file id: never the person's file name.
    expect(new URL(link.body.url).pathname).toMatch(new RegExp(`/${kitchen}/${done.body.id}$`));

    expect(
      (await call(stack, "DELETE", `/api/projects/${kitchen}/files/${done.body.id}`, { token })).status,
    ).toBe(204);
    expect(await listed()).not.toContain("site photo.png");
    expect((await fetch(link.body.url)).status).toBe(404);
  });

  it("refuses a type outside the allowlist before anything is uploaded", async () => {
    const { ticket } = await send(stack, token, kitchen, {
      name: "page.html",
      contentType: "text/html",
      bytes: new TextEncoder().encode("<script>alert(1)</script>"),
    });
    expect(ticket.status).toBe(400);
    expect(ticket.body.error.code).toBe("file.type_not_allowed");
    expect(ticket.body.error.message).toContain("text/html");
    expect(ticket.body.error.details.allowed).toContain("application/pdf");
    expect(await listed()).not.toContain("page.html");
  });

  it("discards a file whose bytes are not its declared type", async () => {
    const done = await upload(stack, token, kitchen, {
      name: "invoice.pdf",
      contentType: "application/pdf",
      bytes: new TextEncoder().encode("MZ this is really an executable"),
    });
    expect(done.status).toBe(422);
    expect(done.body.error).toMatchObject({
      code: "file.content_mismatch",
      message: expect.stringContaining("PDF"),
    });
    expect(await listed()).not.toContain("invoice.pdf");
  });

  it("refuses an oversized file whether declared so or sent larger than declared", async () => {
    const big = new Uint8Array(5000).fill(65);
    const declared = await send(stack, token, kitchen, {
      name: "big.txt",
      contentType: "text/plain",
      bytes: big,
    });
    expect(declared.ticket.status).toBe(413);
    expect(declared.ticket.body.error.code).toBe("file.too_large");

    const sneaky = await send(stack, token, kitchen, {
      name: "small.txt",
      contentType: "text/plain",
      bytes: big,
      size: 100,
    });
    expect(sneaky.ticket.status).toBe(201);
    expect(sneaky.s3Status).toBe(400);
    const completed = await call(
      stack,
      "POST",
      `/api/projects/${kitchen}/files/${sneaky.ticket.body.file.id}/complete`,
      {
        token,
      },
    );
    expect(completed.status).toBe(409);
    expect(completed.body.error.code).toBe("file.not_uploaded");
    expect(await listed()).not.toContain("small.txt");
  });

  it("refuses a file name with folders in it", async () => {
    for (const name of ["../../etc/passwd.txt", "plans/kitchen.pdf", "C:\\temp\\kitchen.pdf"]) {
      const { ticket } = await send(stack, token, kitchen, { name, contentType: "text/plain", bytes: PNG });
      expect(ticket.status, name).toBe(400);
      expect(ticket.body.error.code).toBe("file.invalid_name");
      expect(ticket.body.error.message).toMatch(/folders/);
    }
    expect(await listed()).toEqual([]);
  });
});
