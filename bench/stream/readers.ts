// The readers of the stream benchmark, in the driver process: the demo admin opens one thread
// per stream and subscribes two WebSockets to each, the way two open tabs would. Every frame
// is recorded as it arrives: its seq, and how long ago each token in it left the provider.
import { Demo } from "@rehome/core/demo";
import WebSocket from "ws";
import { emittedAt } from "./stamp";

export interface Reader {
  threadId: string;
  /** Frames of the answer (deltas, done, completed…) this socket received. */
  frames: number;
  seqs: number[];
  dones: number;
  tokens: number;
  finished: Promise<"completed" | "failed">;
}

export interface Audience {
  workspaceId: string;
  threads: string[];
  readers: Reader[];
  /** Token-to-client latencies in ms, one per token per reader. */
  latencies: number[];
  /** Asks one question per thread, all at once; returns the run ids. */
  ask(question: string): Promise<string[]>;
  close(): void;
}

const SETUP_CONCURRENCY = 8;

export async function gather(
  url: string,
  streams: number,
  readersPerStream: number,
  epochMs: number,
): Promise<Audience> {
  const admin = Demo.LOGINS[0];
  const session = await api(url, "POST", "/api/login", undefined, {
    email: admin.email,
    password: Demo.PASSWORD,
  });
  const call = (method: string, path: string, body?: unknown) => api(url, method, path, session.token, body);
  const [project] = (await call("GET", "/api/projects")).items;
  const threads: string[] = await inBatches(
    Array.from({ length: streams }, (_, i) => i),
    async (i) =>
      (await call("POST", `/api/projects/${project.id}/agent/threads`, { title: `Bench ${i}` })).id,
  );
  const latencies: number[] = [];
  const sockets: WebSocket[] = [];
  const readers = await inBatches(
    threads.flatMap((threadId) => Array.from({ length: readersPerStream }, () => threadId)),
    async (threadId) => {
      const { ticket, url: wsUrl } = await call("POST", "/api/realtime/ticket");
      const socket = new WebSocket(`${wsUrl}?ticket=${encodeURIComponent(ticket)}`);
      sockets.push(socket);
      return follow(socket, `private-agent-threads.${threadId}`, threadId, epochMs, latencies);
    },
  );
  return {
    workspaceId: session.user.workspaceId,
    threads,
    readers,
    latencies,
    ask: (question) =>
      Promise.all(
        threads.map(
          async (threadId) =>
            (await call("POST", `/api/agent/threads/${threadId}/messages`, { content: question })).run.id,
        ),
      ),
    close: () => {
      for (const socket of sockets) socket.close();
    },
  };
}

/** Opens the socket, subscribes it to the thread's channel and records the answer's frames. */
async function follow(
  socket: WebSocket,
  channel: string,
  threadId: string,
  epochMs: number,
  latencies: number[],
): Promise<Reader> {
  let subscribed: (ok: boolean) => void = () => undefined;
  let finish: (how: "completed" | "failed") => void = () => undefined;
  const reader: Reader = {
    threadId,
    frames: 0,
    seqs: [],
    dones: 0,
    tokens: 0,
    finished: new Promise((resolve) => {
      finish = resolve;
    }),
  };
  socket.on("message", (raw) => {
    const receivedAt = Date.now();
    const frame = JSON.parse(String(raw)) as {
      channel: string;
      event: string;
      data: Record<string, unknown>;
    };
    if (frame.channel !== channel) return;
    if (frame.event.startsWith("subscription.")) return subscribed(frame.event === "subscription.succeeded");
    reader.frames++;
    if (frame.event === "agent.message.delta") {
      const { seq, delta, done } = frame.data as { seq: number; delta: string; done: boolean };
      reader.seqs.push(seq);
      if (done) reader.dones++;
      const sent = emittedAt(epochMs, delta);
      for (const sentAt of sent) latencies.push(receivedAt - sentAt);
      reader.tokens += sent.length;
    }
    if (frame.event === "agent.message.completed") finish("completed");
    if (frame.event === "agent.run.failed" || frame.event === "agent.run.cancelled") finish("failed");
  });
  await new Promise<void>((resolve, reject) => {
    socket.once("open", () => resolve());
    socket.once("error", reject);
  });
  const ok = await new Promise<boolean>((resolve) => {
    subscribed = resolve;
    socket.send(JSON.stringify({ action: "subscribe", channel }));
  });
  if (!ok) throw new Error(`could not subscribe to ${channel}`);
  return reader;
}

async function api(url: string, method: string, path: string, token?: string, body?: unknown): Promise<any> {
  const response = await fetch(`${url}${path}`, {
    method,
    headers: {
      ...(token ? { Authorization: `Bearer ${token}` } : {}),
      ...(body === undefined ? {} : { "Content-Type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await response.text();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

/** Maps items a few at a time, keeping their order, so setup does not flood the stack. */
async function inBatches<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = [];
  for (let i = 0; i < items.length; i += SETUP_CONCURRENCY)
    results.push(...(await Promise.all(items.slice(i, i + SETUP_CONCURRENCY).map(fn))));
  return results;
}
