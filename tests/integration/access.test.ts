// People and access over real HTTP: "log out everywhere", personal API tokens (named, read or
// write, shown once, revocable), role changes and deactivation that bite the very next request,
// and the edge: the body size limit, the CORS allowlist and security headers (rate limits have
// their own stack in rate-limits.test.ts).
import http from "node:http";
import type { Stack } from "@rehome/local/stack";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootStack, call, login, openSocket, type Person } from "../support/stack";
import { changes, snapshot } from "../support/table";
import { apiTokenOf, isErrorShape, joinByInvite, teamMemberOf } from "../support/world";

const APP_ORIGIN = "http://app.rehome.test";

let stack: Stack;
let admin: Person;
let kitchen: string;

beforeAll(async () => {
  stack = await bootStack({ worker: false, env: { CORS_ORIGINS: APP_ORIGIN, MAX_BODY_BYTES: "20000" } });
  admin = await login(stack, "admin@demo.rehome.local");
  const projects = (await call(stack, "GET", "/api/projects", { token: admin.token })).body.items;
  kitchen = projects.find((p: { name: string }) => p.name.startsWith("Kitchen")).id;
});
afterAll(() => stack?.stop());

const status = async (method: string, path: string, token?: string, body?: unknown) =>
  (await call(stack, method, path, { token, body })).status;

/** One request as the admin through a given http.Agent; says whether it reused a kept-alive socket. */
function send(
  agent: http.Agent,
  method: string,
  path: string,
  options: { body?: string; chunked?: boolean } = {},
) {
  return new Promise<{ status: number; text: string; reusedSocket: boolean }>((resolve, reject) => {
    const headers: Record<string, string> = { Authorization: `Bearer ${admin.token}` };
    if (options.body !== undefined) {
      headers["Content-Type"] = "application/json";
      if (!options.chunked) headers["Content-Length"] = String(Buffer.byteLength(options.body));
    }
    const request = http.request(`${stack.url}${path}`, { method, agent, headers }, (response) => {
      let text = "";
      response.setEncoding("utf8");
      response.on("data", (chunk) => {
        text += chunk;
      });
      response.on("end", () =>
        resolve({ status: response.statusCode ?? 0, text, reusedSocket: request.reusedSocket }),
      );
    });
    request.on("error", reject);
    request.end(options.body);
  });
}

describe("signing out", () => {
  it("log out everywhere ends every session and API token of the person and closes their sockets", async () => {
    const person = await teamMemberOf(stack, admin.token, kitchen, "everywhere");
    const laptop = person.token;
    const phone = (await login(stack, person.email, person.password)).token;
    const integration = (await apiTokenOf(stack, laptop, "write")).token;
    const socket = await openSocket(stack, phone);
    const closed = new Promise<void>((resolve) => socket.socket.once("close", () => resolve()));

    expect(await status("POST", "/api/logout/all", laptop)).toBe(204);
    await closed;
    for (const token of [laptop, phone, integration]) expect(await status("GET", "/api/me", token)).toBe(401);
    expect(await status("GET", "/api/me", admin.token)).toBe(200);
    const fresh = await login(stack, person.email, person.password);
    expect(await status("GET", "/api/me", fresh.token)).toBe(200);
  });
});

describe("personal API tokens", () => {
  it("are shown once, listed by name and scope only, and never minted by another API token", async () => {
    const person = await teamMemberOf(stack, admin.token, kitchen, "tokens");
    const created = await apiTokenOf(stack, person.token, "read");
    expect(created.token).toMatch(/^[\w-]+\.[\w-]+$/);
    expect(created.info).toMatchObject({ name: "test read", scope: "read" });
    const listed = await call(stack, "GET", "/api/tokens", { token: person.token });
    expect(listed.body.items).toEqual([expect.objectContaining({ id: created.info.id, name: "test read" })]);
    const secret = created.token.split(".")[1] ?? "";
    expect(JSON.stringify(listed.body)).not.toContain(secret);
    expect(await status("POST", "/api/tokens", created.token, { name: "again", scope: "write" })).toBe(403);
  });

  it("a read token reads but writes nothing; a write token writes", async () => {
    const person = await teamMemberOf(stack, admin.token, kitchen, "scopes");
    const read = (await apiTokenOf(stack, person.token, "read")).token;
    const write = (await apiTokenOf(stack, person.token, "write")).token;
    const tasks = `/api/projects/${kitchen}/tasks`;
    expect(await status("GET", tasks, read)).toBe(200);

    const before = await snapshot();
    for (const [method, path, body] of [
      ["POST", tasks, { title: "Sneaky" }],
      ["POST", `/api/projects/${kitchen}/messages`, { body: "Sneaky" }],
      ["POST", `/api/projects/${kitchen}/files`, { name: "a.pdf", contentType: "application/pdf", size: 9 }],
      ["POST", "/api/notifications/read-all", undefined],
    ] as const) {
      const refused = await call(stack, method, path, { token: read, body });
      expect(refused.status, path).toBe(403);
      expect(isErrorShape(refused.body)).toBe(true);
    }
    expect(changes(before, await snapshot())).toEqual([]);
    expect(await status("POST", tasks, write, { title: "Made by the integration" })).toBe(201);
  });

  it("stop working the moment they are revoked, and live no longer than API_TOKEN_MAX_DAYS", async () => {
    const person = await teamMemberOf(stack, admin.token, kitchen, "revoked");
    const { token, info } = await apiTokenOf(stack, person.token, "write", 3650);
    const maxDays = 365;
    expect(Date.parse(info.expiresAt)).toBeLessThanOrEqual(Date.now() + maxDays * 86_400_000);
    expect(Date.parse(info.expiresAt)).toBeGreaterThan(Date.now() + (maxDays - 1) * 86_400_000);
    expect(await status("GET", "/api/me", token)).toBe(200);
    expect(await status("DELETE", `/api/tokens/${info.id}`, person.token)).toBe(204);
    expect(await status("GET", "/api/me", token)).toBe(401);
    const listed = await call(stack, "GET", "/api/tokens", { token: person.token });
    expect(listed.body.items[0].revokedAt).toEqual(expect.any(String));
  });
});

describe("admins changing people", () => {
  it("a demoted admin's session and API token lose admin rights on the next request", async () => {
    const person = await joinByInvite(stack, admin.token, "admin", "demoted");
    const integration = (await apiTokenOf(stack, person.token, "write")).token;
    for (const token of [person.token, integration])
      expect(await status("GET", "/api/users", token)).toBe(200);

    const demoted = await call(stack, "PATCH", `/api/users/${person.id}`, {
      token: admin.token,
      body: { role: "client" },
    });
    expect(demoted.body.role).toBe("client");
    for (const token of [person.token, integration]) {
      expect(await status("GET", "/api/users", token)).toBe(403);
      expect(await status("GET", `/api/projects/${kitchen}`, token)).toBe(404);
      expect(await status("GET", "/api/me", token)).toBe(200);
    }
  });

  it("a deactivated person's tokens stop at once and they cannot sign in until reactivated", async () => {
    const person = await teamMemberOf(stack, admin.token, kitchen, "deactivated");
    const integration = (await apiTokenOf(stack, person.token, "read")).token;
    const patch = (body: object) =>
      call(stack, "PATCH", `/api/users/${person.id}`, { token: admin.token, body });

    expect((await patch({ status: "deactivated" })).status).toBe(200);
    for (const token of [person.token, integration]) expect(await status("GET", "/api/me", token)).toBe(401);
    const refused = await call(stack, "POST", "/api/login", {
      body: { email: person.email, password: person.password },
    });
    expect(refused.status).toBe(401);
    expect(refused.body.error.code).toBe("auth.inactive");

    expect((await patch({ status: "active" })).status).toBe(200);
    // Reactivation restores the account, not the tokens that deactivation revoked.
    for (const token of [person.token, integration]) expect(await status("GET", "/api/me", token)).toBe(401);
    expect(await status("GET", "/api/me", (await login(stack, person.email, person.password)).token)).toBe(
      200,
    );
  });
});

describe("the edge", () => {
  it("refuses a body over MAX_BODY_BYTES with 413 in the error shape, writing nothing", async () => {
    const before = await snapshot();
    const answer = await call(stack, "POST", `/api/projects/${kitchen}/messages`, {
      token: admin.token,
      body: { body: "x".repeat(30_000) },
    });
    expect(answer.status).toBe(413);
    expect(isErrorShape(answer.body)).toBe(true);
    expect(changes(before, await snapshot())).toEqual([]);
  });

  it("keeps a kept-alive connection usable after refusing an oversized body: the next request on it is answered", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    for (const chunked of [false, true]) {
      const refused = await send(agent, "POST", `/api/projects/${kitchen}/messages`, {
        body: JSON.stringify({ body: "x".repeat(2_000_000) }),
        chunked,
      });
      expect(refused.status).toBe(413);
      expect(isErrorShape(JSON.parse(refused.text))).toBe(true);
      const next = await send(agent, "GET", "/api/me");
      expect(next.status).toBe(200);
      expect(JSON.parse(next.text).email).toBe("admin@demo.rehome.local");
      // The same connection carried both: it survived the refusal.
      expect(next.reusedSocket, chunked ? "chunked body" : "sized body").toBe(true);
    }
    agent.destroy();
  });

  it("closes rather than cuts a connection whose body is too big to drop: 413 with Connection: close at once", async () => {
    const agent = new http.Agent({ keepAlive: true, maxSockets: 1 });
    // 64 MB declared, a little of it sent: the answer does not wait for the rest.
    const refused = await new Promise<http.IncomingMessage>((resolve, reject) => {
      const request = http.request(`${stack.url}/api/projects/${kitchen}/messages`, {
        method: "POST",
        agent,
        headers: {
          Authorization: `Bearer ${admin.token}`,
          "Content-Type": "application/json",
          "Content-Length": String(64 * 1024 * 1024),
        },
      });
      request.on("response", resolve).on("error", reject);
      request.write("x".repeat(10_000));
    });
    expect(refused.statusCode).toBe(413);
    expect(refused.headers.connection).toBe("close");
    refused.resume();
    const next = await send(agent, "GET", "/api/me");
    expect(next.status).toBe(200);
    expect(next.reusedSocket).toBe(false);
    agent.destroy();
  });

  it("answers CORS for allowlisted origins only and sends security headers on every response", async () => {
    const preflight = (origin: string) =>
      fetch(`${stack.url}/api/projects`, {
        method: "OPTIONS",
        headers: {
          Origin: origin,
          "Access-Control-Request-Method": "POST",
          "Access-Control-Request-Headers": "authorization,content-type",
        },
      });
    const allowed = await preflight(APP_ORIGIN);
    expect(allowed.headers.get("access-control-allow-origin")).toBe(APP_ORIGIN);
    expect(allowed.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
    expect(
      (await preflight("http://elsewhere.example")).headers.get("access-control-allow-origin"),
    ).toBeNull();

    for (const path of ["/health", "/api/me", "/api/nothing-here"]) {
      const response = await fetch(`${stack.url}${path}`, { headers: { Origin: APP_ORIGIN } });
      expect(response.headers.get("content-security-policy"), path).toContain("default-src 'self'");
      expect(response.headers.get("x-content-type-options"), path).toBe("nosniff");
      expect(response.headers.get("x-frame-options"), path).toBe("SAMEORIGIN");
      expect(response.headers.get("x-request-id"), path).toBeTruthy();
    }
  });
});
