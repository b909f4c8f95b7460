// Shared fixtures of the integration suites: a local stack on the shared DynamoDB Local,
// seeded with the demo data, and real HTTP/WebSocket clients signed in as demo people.
import { Demo } from "@rehome/core/demo";
import { type StackOptions, startStack } from "@rehome/local/stack";
import { inject } from "vitest";
import WebSocket from "ws";

export type DemoEmail = (typeof Demo.LOGINS)[number]["email"];

/** `seed: false` leaves the tables empty, for a suite that seeds them itself (`rehome seed`). */
export async function bootStack({ seed = true, ...options }: StackOptions & { seed?: boolean } = {}) {
  const stack = await startStack({
    dynamoEndpoint: inject("dynamoEndpoint"),
    seed,
    ...options,
    // Access logs of every request would bury the test report; errors still print.
    env: { LOG_LEVEL: "ERROR", ...options.env },
  });
  return stack;
}

/** The settings of a stack answering with Anthropic's SDK against a fake Messages API at `url`. */
export const fakeAnthropicEnv = (fake: { url: string }) => ({
  AI_PROVIDER: "anthropic",
  ANTHROPIC_API_KEY: "test-key",
  ANTHROPIC_BASE_URL: fake.url,
});

/** One suite's running stack. */
export type Stack = Awaited<ReturnType<typeof bootStack>>;

/** What the clients below need of a stack: where it serves (the rehearsal serves there too). */
export type Target = Pick<Stack, "url">;

/** fetch against the stack with JSON in and out; returns status, headers and parsed body. */
export async function call(
  stack: Target,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; raw?: string; headers?: Record<string, string> } = {},
) {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined || options.raw !== undefined) headers["Content-Type"] = "application/json";
  const response = await fetch(`${stack.url}${path}`, {
    method,
    headers,
    body: options.raw ?? (options.body === undefined ? undefined : JSON.stringify(options.body)),
  });
  const text = await response.text();
  let body: any = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {}
  return { status: response.status, headers: response.headers, body };
}

/** A call by `person` that must succeed: its body, or an error naming the request and the answer. */
export async function succeed(
  stack: Target,
  person: { token: string },
  method: string,
  path: string,
  body?: unknown,
) {
  const response = await call(stack, method, path, { token: person.token, body });
  if (response.status >= 300)
    throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(response.body)}`);
  return response.body;
}

/** A demo person signed in: their bearer token and who they are. */
export type Person = Awaited<ReturnType<typeof login>>;

export async function login(stack: Target, email: DemoEmail | string, password = Demo.PASSWORD) {
  const { status, body } = await call(stack, "POST", "/api/login", { body: { email, password } });
  if (status !== 200) throw new Error(`login ${email} failed: ${status} ${JSON.stringify(body)}`);
  return body as { token: string; user: { id: string; workspaceId: string; role: string } };
}

/** A new project agent thread of `token`'s: its id; ask it the same question again and again, read it back. */
export async function projectThread(
  stack: Target,
  token: string,
  projectId: string,
  question = "Blocked tasks",
) {
  const thread = (await call(stack, "POST", `/api/projects/${projectId}/agent/threads`, { token, body: {} }))
    .body;
  const ask = () =>
    call(stack, "POST", `/api/agent/threads/${thread.id}/messages`, { token, body: { content: question } });
  const messages = async () =>
    (await call(stack, "GET", `/api/agent/threads/${thread.id}/messages`, { token })).body.items;
  return { id: thread.id as string, ask, messages };
}

export interface Frame {
  channel: string;
  event: string;
  data: any;
  seq?: number;
  id: string;
}

/** A signed-in WebSocket of openSocket. */
export type Socket = Awaited<ReturnType<typeof openSocket>>;

/** A signed-in WebSocket that records every frame and can wait for one. */
export async function openSocket(stack: Target, token: string) {
  const { body } = await call(stack, "POST", "/api/realtime/ticket", { token });
  const socket = new WebSocket(`${body.url}?ticket=${encodeURIComponent(body.ticket)}`);
  const frames: Frame[] = [];
  const waiters: { match: (f: Frame) => boolean; resolve: (f: Frame) => void }[] = [];
  socket.on("message", (raw) => {
    const frame = JSON.parse(String(raw)) as Frame;
    frames.push(frame);
    for (const waiter of waiters.filter((w) => w.match(frame))) {
      waiters.splice(waiters.indexOf(waiter), 1);
      waiter.resolve(frame);
    }
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  const waitFor = (match: (f: Frame) => boolean, timeoutMs = 5000) =>
    new Promise<Frame>((resolve, reject) => {
      const seen = frames.find(match);
      if (seen) return resolve(seen);
      const timer = setTimeout(() => reject(new Error("timed out waiting for a frame")), timeoutMs);
      waiters.push({
        match,
        resolve: (f) => {
          clearTimeout(timer);
          resolve(f);
        },
      });
    });
  const subscribe = async (channel: string) => {
    socket.send(JSON.stringify({ action: "subscribe", channel }));
    const answer = await waitFor((f) => f.channel === channel && f.event.startsWith("subscription."));
    return answer.event === "subscription.succeeded";
  };
  return { socket, frames, waitFor, subscribe, close: () => socket.close() };
}
