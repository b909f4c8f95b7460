// `rehome smoke`: the original stream:smoke. Signs in, opens a thread, streams one answer and
// checks it the way a browser would see it: seq 1..n without gaps, exactly one done, and the
// stored message equal to the streamed text. Signs out of the session it opened.
import WebSocket from "ws";
import { request, signIn } from "../http";
import type { Options } from "../main";
import { CliError, ok, progress } from "../output";

type Delta = { messageId: string; seq: number; delta: string; done: boolean };
type Frame = { channel: string; event: string; data: Delta & Record<string, unknown> };

export async function smoke(options: Options) {
  const url = options.url;
  const timeoutMs = Number(options.timeout) * 1000;
  await request(url, "/health").catch((error) => {
    throw new CliError(`stack is down: ${(error as Error).message}`);
  });
  const token = await signIn(url, options);
  ok("signed in");
  const projects = await request<{ items: { id: string; name: string }[] }>(url, "/api/projects", { token });
  const project = projects.items[0];
  if (!project) throw new CliError("the signed-in user sees no project to ask about");
  const thread = await request<{ id: string }>(url, `/api/projects/${project.id}/agent/threads`, {
    method: "POST",
    token,
    body: { title: "rehome smoke" },
  });
  const socket = await connect(url, token);
  try {
    await subscribe(socket, `private-agent-threads.${thread.id}`);
    ok(`thread ${thread.id} open in "${project.name}", subscribed`);
    const frames = collect(socket);
    const posted = await request<{ assistantMessage: { id: string } }>(
      url,
      `/api/agent/threads/${thread.id}/messages`,
      {
        method: "POST",
        token,
        body: { content: options.question ?? "What changed today?" },
      },
    );
    const messageId = posted.assistantMessage.id;
    const deltas = await untilDone(frames, messageId, timeoutMs);
    verify(deltas);
    ok(`${deltas.length} deltas in order, one done`);
    const streamed = deltas.map((d) => d.delta).join("");
    const stored = await storedContent(url, token, thread.id, messageId);
    if (stored !== streamed) throw new CliError("the stored answer differs from the streamed one");
    await new Promise((resolve) => setTimeout(resolve, 1000));
    const extra = frames.list.filter((f) => f.data.messageId === messageId && f.data.done).length;
    if (extra !== 1) throw new CliError(`done arrived ${extra} times`);
    ok(`stored answer matches the stream (${streamed.length} chars); finish is idempotent`);
  } finally {
    socket.close();
  }
  if (!options.token) await request(url, "/api/logout", { method: "POST", token }).catch(() => undefined);
  ok("smoke test passed");
}

async function connect(url: string, token: string): Promise<WebSocket> {
  const ticket = await request<{ ticket: string; url: string }>(url, "/api/realtime/ticket", {
    method: "POST",
    token,
  });
  const socket = new WebSocket(`${ticket.url}?ticket=${encodeURIComponent(ticket.ticket)}`);
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", (error) => reject(new CliError(`WebSocket failed: ${error.message}`)));
  });
  return socket;
}

function collect(socket: WebSocket) {
  const frames = { list: [] as Frame[], wake: () => {} };
  socket.on("message", (raw) => {
    frames.list.push(JSON.parse(String(raw)) as Frame);
    frames.wake();
  });
  return frames;
}

async function subscribe(socket: WebSocket, channel: string) {
  const frames = collect(socket);
  socket.send(JSON.stringify({ action: "subscribe", channel }));
  const answer = await waitUntil(
    frames,
    () => frames.list.find((f) => f.channel === channel && f.event.startsWith("subscription.")),
    5000,
  );
  if (answer.event !== "subscription.succeeded") throw new CliError(`subscription to ${channel} refused`);
}

async function untilDone(frames: ReturnType<typeof collect>, messageId: string, timeoutMs: number) {
  const bar = progress("streaming", 1);
  const mine = () =>
    frames.list
      .filter((f) => f.event === "agent.message.delta" && f.data.messageId === messageId)
      .map((f) => f.data);
  await waitUntil(frames, () => mine().find((d) => d.done), timeoutMs).catch(() => {
    throw new CliError(
      `no final done within ${timeoutMs / 1000}s (${mine().length} deltas seen): the stream is broken`,
    );
  });
  bar(1);
  return mine();
}

function verify(deltas: Delta[]) {
  const seqs = deltas.map((d) => d.seq);
  const gap = seqs.findIndex((seq, i) => seq !== i + 1);
  if (gap >= 0) throw new CliError(`seq out of order at position ${gap + 1}: got ${seqs[gap]}`);
  if (deltas.filter((d) => d.done).length !== 1) throw new CliError("more than one done");
  if (!deltas.at(-1)?.done) throw new CliError("done is not the last delta");
}

async function storedContent(url: string, token: string, threadId: string, messageId: string) {
  const page = await request<{ items: { id: string; content: string; status: string }[] }>(
    url,
    `/api/agent/threads/${threadId}/messages`,
    { token },
  );
  const message = page.items.find((m) => m.id === messageId);
  if (!message) throw new CliError("the answer was not stored");
  if (message.status !== "completed") throw new CliError(`the answer is ${message.status}, not completed`);
  return message.content;
}

function waitUntil<T>(
  frames: { wake: () => void },
  found: () => T | undefined,
  timeoutMs: number,
): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new CliError("timed out")), timeoutMs);
    const check = () => {
      const value = found();
      if (value === undefined) return;
      clearTimeout(timer);
      resolve(value);
    };
    frames.wake = check;
    check();
  });
}
