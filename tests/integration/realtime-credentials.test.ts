// A WebSocket rests on the bearer token whose ticket opened it: revoking that token (deleting an
// API token, signing out) closes the socket at once, a ticket outlives no revocation (sign-out,
// log out everywhere, a password reset), a socket stops at its token's expiry, and a read-only
// API token listens without being seen: no presence, no whispers.
import { Realtime } from "@rehome/core/realtime";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { ConnectionEntity } from "../../packages/core/src/realtime/entity";
import { linkToken } from "../support/mail";
import { bootStack, call, login, openSocket, type Person, type Socket, type Stack } from "../support/stack";
import { rewrite } from "../support/table";
import { apiTokenOf, teamMemberOf } from "../support/world";

let stack: Stack;
let admin: Person;
let kitchen: string;
const sockets: Socket[] = [];

const nowSeconds = () => Math.floor(Date.now() / 1000);
const settle = () => new Promise((resolve) => setTimeout(resolve, 300));
const tokenIdOf = (bearer: string) => bearer.split(".")[0] ?? "";

beforeAll(async () => {
  // With the worker: it sends the password reset email.
  stack = await bootStack();
  admin = await login(stack, "admin@demo.rehome.local");
  const projects = (await call(stack, "GET", "/api/projects", { token: admin.token })).body.items;
  kitchen = projects.find((p: { name: string }) => p.name.startsWith("Kitchen")).id;
});
afterAll(async () => {
  for (const socket of sockets) socket.close();
  await stack?.stop();
});

async function socketOf(bearer: string) {
  const socket = await openSocket(stack, bearer);
  sockets.push(socket);
  return socket;
}

/** Resolves with the close code once the server closes the socket; fails if it takes over 2 s. */
const closedPromptly = (socket: Socket) =>
  new Promise<number>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("the socket is still open")), 2000);
    socket.socket.once("close", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });

/** A person's stored connections, or only those opened with one token. */
async function connectionsOf(person: { id: string }, bearer?: string) {
  const { data } = await ConnectionEntity()
    .query.byUser({ workspaceId: admin.user.workspaceId, userId: person.id })
    .go({ pages: "all" });
  return data.filter((c) => !bearer || c.tokenId === tokenIdOf(bearer));
}

/** A ticket minted now, redeemed later: the upgrade's status (101 accepted, else refused). */
async function mintTicket(bearer: string) {
  const { status, body } = await call(stack, "POST", "/api/realtime/ticket", { token: bearer });
  expect(status).toBe(200);
  return () =>
    new Promise<number>((resolve) => {
      const socket = new WebSocket(`${body.url}?ticket=${encodeURIComponent(body.ticket)}`);
      socket.once("open", () => {
        socket.close();
        resolve(101);
      });
      socket.once("unexpected-response", (_, response) => resolve(response.statusCode ?? 0));
      socket.once("error", () => undefined);
    });
}

const taskCreated = (socket: Socket, title: string) =>
  socket.waitFor((f) => f.event === "task.created" && f.data.title === title, 3000);

async function createTask(title: string) {
  const created = await call(stack, "POST", `/api/projects/${kitchen}/tasks`, {
    token: admin.token,
    body: { title },
  });
  expect(created.status).toBe(201);
}

describe("revoking the token a socket was opened with", () => {
  it("deleting an API token closes its socket at once; the person's session socket stays open", async () => {
    const person = await teamMemberOf(stack, admin.token, kitchen, "revoked-socket");
    const integration = await apiTokenOf(stack, person.token, "write");
    const revoked = await socketOf(integration.token);
    const session = await socketOf(person.token);
    for (const socket of [revoked, session])
      expect(await socket.subscribe(`private-projects.${kitchen}`)).toBe(true);
    const closed = closedPromptly(revoked);

    const deleted = await call(stack, "DELETE", `/api/tokens/${integration.info.id}`, {
      token: person.token,
    });
    expect(deleted.status).toBe(204);
    expect(await closed).toBe(1000);
    expect(await connectionsOf(person, integration.token)).toEqual([]);
    expect((await call(stack, "POST", "/api/realtime/ticket", { token: integration.token })).status).toBe(
      401,
    );

    await createTask("Heard by the session only");
    await taskCreated(session, "Heard by the session only");
    expect(revoked.frames.filter((f) => f.event === "task.created")).toEqual([]);
  });

  it("signing out closes that session's socket at once; another session's socket stays open", async () => {
    const person = await teamMemberOf(stack, admin.token, kitchen, "signed-out-socket");
    const other = (await login(stack, person.email, person.password)).token;
    const leaving = await socketOf(person.token);
    const staying = await socketOf(other);
    for (const socket of [leaving, staying])
      expect(await socket.subscribe(`private-projects.${kitchen}`)).toBe(true);
    const closed = closedPromptly(leaving);

    expect((await call(stack, "POST", "/api/logout", { token: person.token })).status).toBe(204);
    expect(await closed).toBe(1000);
    expect(await connectionsOf(person, person.token)).toEqual([]);

    await createTask("Heard by the other session only");
    await taskCreated(staying, "Heard by the other session only");
    expect(leaving.frames.filter((f) => f.event === "task.created")).toEqual([]);
  });
});

describe("a ticket minted before its token was revoked", () => {
  it.each([
    { how: "signing out", end: (session: string) => call(stack, "POST", "/api/logout", { token: session }) },
    {
      how: "log out everywhere",
      end: (session: string) => call(stack, "POST", "/api/logout/all", { token: session }),
    },
  ])("opens no socket after $how", async ({ how, end }) => {
    const person = await teamMemberOf(stack, admin.token, kitchen, how.replaceAll(" ", "-"));
    const redeem = await mintTicket(person.token);
    expect((await end(person.token)).status).toBe(204);
    expect(await redeem()).toBe(401);
  });

  it("opens no socket after a password reset", async () => {
    const person = await teamMemberOf(stack, admin.token, kitchen, "reset-ticket");
    const redeem = await mintTicket(person.token);
    await call(stack, "POST", "/api/password/forgot", { body: { email: person.email } });
    const { token } = await linkToken(stack, person.email, "reset-password");
    const reset = await call(stack, "POST", "/api/password/reset", {
      body: { token, password: "a-brand-new-password" },
    });
    expect(reset.status).toBe(204);
    expect(await redeem()).toBe(401);
  });

  it("opens no socket once the API token it was minted with is deleted", async () => {
    const person = await teamMemberOf(stack, admin.token, kitchen, "deleted-token-ticket");
    const integration = await apiTokenOf(stack, person.token, "read");
    const redeem = await mintTicket(integration.token);
    const deleted = await call(stack, "DELETE", `/api/tokens/${integration.info.id}`, {
      token: person.token,
    });
    expect(deleted.status).toBe(204);
    expect(await redeem()).toBe(401);
  });
});

describe("a token's expiry", () => {
  it("bounds the connection it opens", async () => {
    const person = await teamMemberOf(stack, admin.token, kitchen, "short-token");
    const expiry = new Date(Date.now() + 10 * 60_000);
    await rewrite({ tokenId: tokenIdOf(person.token) }, { expiresAt: expiry.toISOString() });
    await socketOf(person.token);
    const [stored] = await connectionsOf(person, person.token);
    expect(stored?.expiresAt).toBe(Math.floor(expiry.getTime() / 1000));
  });

  it("once passed, the socket's next frame is refused and the socket closed", async () => {
    const person = await teamMemberOf(stack, admin.token, kitchen, "expired-socket");
    const socket = await socketOf(person.token);
    expect(await socket.subscribe(`private-projects.${kitchen}`)).toBe(true);
    const [stored] = await connectionsOf(person);
    await ConnectionEntity()
      .patch({ connectionId: stored?.connectionId ?? "" })
      .set({ expiresAt: nowSeconds() - 1 })
      .go();
    const closed = closedPromptly(socket);

    socket.socket.send(JSON.stringify({ action: "subscribe", channel: `private-users.${person.id}` }));
    const refused = await socket.waitFor((f) => f.event === "error");
    expect(refused.data.code).toBe("unauthorized");
    expect(await closed).toBe(1000);
    expect(await connectionsOf(person)).toEqual([]);
  });
});

describe("a read-only API token", () => {
  it("listens on its project, but neither joins presence nor whispers", async () => {
    const person = await teamMemberOf(stack, admin.token, kitchen, "read-only-socket");
    const readOnly = await socketOf((await apiTokenOf(stack, person.token, "read")).token);
    const team = await login(stack, "team@demo.rehome.local");
    const member = await socketOf(team.token);
    const presence = `presence-projects.${kitchen}`;
    expect(await member.subscribe(presence)).toBe(true);

    expect(await readOnly.subscribe(`private-projects.${kitchen}`)).toBe(true);
    expect(await readOnly.subscribe(presence)).toBe(false);
    const notJoined = await readOnly.waitFor(
      (f) => f.channel === presence && f.event === "subscription.error",
    );
    expect(notJoined.data).toEqual({ code: "forbidden", message: "This API token is read-only." });
    readOnly.socket.send(JSON.stringify({ action: "whisper", channel: presence, event: "typing", data: {} }));
    const refused = await readOnly.waitFor((f) => f.channel === presence && f.event === "error");
    expect(refused.data).toEqual({ code: "forbidden", message: "This API token is read-only." });

    await createTask("Read by the read-only token");
    await taskCreated(readOnly, "Read by the read-only token");
    await settle();
    expect(member.frames.filter((f) => f.event.startsWith("client-"))).toEqual([]);
    expect(member.frames.filter((f) => f.data?.id === person.id)).toEqual([]);
    expect((await Realtime.subscriptions(presence)).map((s) => s.userId)).not.toContain(person.id);
  });
});
