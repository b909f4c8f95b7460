// The walking skeleton end to end, with real HTTP and WebSocket clients against the local
// runtime: health, sign-in, role-scoped project lists, a live task event and a streamed
// agent answer whose deltas arrive in order with exactly one final `done`; and the settings
// the configuration reads, each documented.
import { readFileSync } from "node:fs";
import { Schema } from "@rehome/core/config";
import { createApp } from "@rehome/functions/api/app";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bootStack, call, type Frame, login, openSocket, type Stack } from "../support/stack";

let stack: Stack;

beforeAll(async () => {
  stack = await bootStack({ env: { OFFLINE_TOKENS_PER_SEC: "400" } });
});
afterAll(() => stack?.stop());

const names = (items: { name: string }[]) => items.map((p) => p.name).sort();

describe("the walking skeleton", () => {
  it("reports every dependency healthy", async () => {
    const { status, body } = await call(stack, "GET", "/health");
    expect(status).toBe(200);
    expect(body.status).toBe("ok");
    expect(Object.keys(body.checks).sort()).toEqual(["dynamodb", "llm", "s3", "sqs", "websocket"]);
  });

  it("signs in, tells who I am and signs out for good", async () => {
    const { token, user } = await login(stack, "team@demo.rehome.local");
    expect(user).toMatchObject({ email: "team@demo.rehome.local", role: "team" });
    expect(user).not.toHaveProperty("passwordHash");
    const me = await call(stack, "GET", "/api/me", { token });
    expect(me.body).toMatchObject({ id: user.id, role: "team", workspaceId: user.workspaceId });
    expect((await call(stack, "POST", "/api/logout", { token })).status).toBe(204);
    expect((await call(stack, "GET", "/api/me", { token })).status).toBe(401);
  });

  it("lists only the projects each role may see", async () => {
    const seen: Record<string, string[]> = {};
    for (const email of [
      "admin@demo.rehome.local",
      "team@demo.rehome.local",
      "consultant@demo.rehome.local",
      "client@demo.rehome.local",
      "admin@northwind.rehome.local",
    ]) {
      const { token } = await login(stack, email);
      seen[email] = names((await call(stack, "GET", "/api/projects", { token })).body.items);
    }
    expect(seen["admin@demo.rehome.local"]).toHaveLength(3);
    expect(seen["team@demo.rehome.local"]).toEqual(seen["admin@demo.rehome.local"]);
    expect(seen["consultant@demo.rehome.local"]).toEqual([
      "Kitchen remodel — Elm Street",
      "Loft conversion — Birch Lane",
    ]);
    expect(seen["client@demo.rehome.local"]).toEqual(["Kitchen remodel — Elm Street"]);
    expect(seen["admin@northwind.rehome.local"]).toEqual(["Warehouse roof repair"]);
  });

  it("pushes task.created to a subscriber of the project", async () => {
    const { token } = await login(stack, "consultant@demo.rehome.local");
    const kitchen = (await call(stack, "GET", "/api/projects", { token })).body.items.find(
      (p: { name: string }) => p.name.startsWith("Kitchen"),
    );
    const socket = await openSocket(stack, token);
    expect(await socket.subscribe(`private-projects.${kitchen.id}`)).toBe(true);
    const created = await call(stack, "POST", `/api/projects/${kitchen.id}/tasks`, {
      token,
      body: { title: "Check the extractor duct" },
    });
    expect(created.status).toBe(201);
    const frame = await socket.waitFor((f) => f.event === "task.created");
    expect(frame.channel).toBe(`private-projects.${kitchen.id}`);
    expect(frame.data).toMatchObject({
      id: created.body.id,
      title: "Check the extractor duct",
      status: "todo",
    });
    socket.close();
  });

  it("streams an agent answer with seq 1..n and exactly one done", async () => {
    const { token } = await login(stack, "team@demo.rehome.local");
    const kitchen = (await call(stack, "GET", "/api/projects", { token })).body.items.find(
      (p: { name: string }) => p.name.startsWith("Kitchen"),
    );
    const thread = await call(stack, "POST", `/api/projects/${kitchen.id}/agent/threads`, {
      token,
      body: {},
    });
    expect(thread.status).toBe(201);
    const socket = await openSocket(stack, token);
    expect(await socket.subscribe(`private-agent-threads.${thread.body.id}`)).toBe(true);
    const posted = await call(stack, "POST", `/api/agent/threads/${thread.body.id}/messages`, {
      token,
      body: { content: "Blocked tasks" },
    });
    expect(posted.status).toBe(202);
    expect(posted.body.assistantMessage.status).toBe("streaming");
    await socket.waitFor((f) => f.event === "agent.message.delta" && f.data.done === true, 20_000);
    const deltas = socket.frames.filter((f: Frame) => f.event === "agent.message.delta");
    expect(deltas.map((f) => f.data.seq)).toEqual(deltas.map((_, i) => i + 1));
    expect(deltas.filter((f) => f.data.done)).toHaveLength(1);
    const text = deltas.map((f) => f.data.delta).join("");
    expect(text).toContain("Confirm worktop material with client");
    socket.close();
  });
});

describe("bad input on the skeleton endpoints", () => {
  const expectErrorShape = (body: { error: { code: string; message: string; requestId: string } }) => {
    expect(body.error.code).toEqual(expect.any(String));
    expect(body.error.message).toEqual(expect.any(String));
    expect(body.error.requestId).toEqual(expect.any(String));
    expect(JSON.stringify(body)).not.toMatch(/at .*\.ts:\d+|stack/i);
  };

  it("malformed JSON is a 400 with the error shape", async () => {
    const res = await call(stack, "POST", "/api/login", { raw: "{not json" });
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
  });

  it("missing fields are a 400 naming them", async () => {
    const res = await call(stack, "POST", "/api/login", { body: { email: "admin@demo.rehome.local" } });
    expect(res.status).toBe(400);
    expectErrorShape(res.body);
    expect(res.body.error.details).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: "password" })]),
    );
  });

  it("an unknown route is a 404 with the error shape", async () => {
    for (const [method, path] of [
      ["GET", "/api/nothing-here"],
      ["POST", "/health"],
    ] as const) {
      const res = await call(stack, method, path);
      expect(res.status, `${method} ${path}`).toBe(404);
      expectErrorShape(res.body);
    }
    // On AWS every path of the API's host reaches the app, not only the ones the local server passes on.
    const outside = await createApp().request("/favicon.ico");
    expect(outside.status).toBe(404);
    expectErrorShape((await outside.json()) as Parameters<typeof expectErrorShape>[0]);
  });

  it("no token is a 401 with the error shape; a wrong password too", async () => {
    const res = await call(stack, "GET", "/api/projects");
    expect(res.status).toBe(401);
    expectErrorShape(res.body);
    const wrong = await call(stack, "POST", "/api/login", {
      body: { email: "admin@demo.rehome.local", password: "nope" },
    });
    expect(wrong.status).toBe(401);
    expectErrorShape(wrong.body);
  });

  it("echoes a well-formed X-Request-ID and replaces a malformed one", async () => {
    const ok = await fetch(`${stack.url}/api/me`, { headers: { "X-Request-ID": "trace-abc-123" } });
    expect(ok.headers.get("x-request-id")).toBe("trace-abc-123");
    expect(((await ok.json()) as { error: { requestId: string } }).error.requestId).toBe("trace-abc-123");
    const bad = await fetch(`${stack.url}/api/me`, { headers: { "X-Request-ID": "<script>" } });
    expect(bad.headers.get("x-request-id")).toMatch(/^[\w-]+$/);
  });
});

describe("settings", () => {
  const read = (file: string) => readFileSync(new URL(`../../${file}`, import.meta.url), "utf8");
  const names = (text: string, pattern: RegExp) => new Set(text.match(pattern));

  it("every setting the configuration reads is in .env.example, and all but the wiring in README", () => {
    const settings = Object.keys(Schema.shape);
    const example = read(".env.example");
    const listed = names(example, /\b[A-Z][A-Z0-9_]+(?==)/g);
    expect(
      settings.filter((name) => !listed.has(name)),
      "missing from .env.example",
    ).toEqual([]);
    const wiring = names(
      example.split(/^# --- /m).find((section) => section.startsWith("Wiring")) ?? "",
      /\b[A-Z][A-Z0-9_]+(?==)/g,
    );
    const table = read("README.md").split("## Configuration")[1]?.split("\n## ")[0] ?? "";
    const documented = new Set([...names(table, /`[A-Z][A-Z0-9_]+`/g)].map((name) => name.slice(1, -1)));
    expect(
      settings.filter((name) => !wiring.has(name) && !documented.has(name)),
      "missing from README's settings table",
    ).toEqual([]);
  });
});
