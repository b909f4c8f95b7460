// A local server that speaks the Anthropic Messages API's streaming format (SSE), so the real
// @anthropic-ai/sdk code path runs in tests. Each request takes the next scripted behaviour:
// a normal stream, 429 / 529 errors, a stall, a stream cut mid-answer, or a generated answer
// of a given length and pace (the stream benchmark stamps each token as it leaves).
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { Hono } from "hono";

export type Behaviour =
  | { kind: "answer"; text: string; tokensPerSec?: number }
  | { kind: "rate_limited"; retryAfterSec?: number }
  | { kind: "overloaded" }
  | { kind: "stall" }
  | { kind: "cut"; text: string; afterTokens: number }
  /** `tokens` tokens at `tokensPerSec`, each made by `token(index)` the moment it is sent. */
  | { kind: "generated"; tokens: number; tokensPerSec: number; token: (index: number) => string };

export interface FakeAnthropic {
  url: string;
  /** Queues behaviours for the next requests; when empty, requests get `fallback`. */
  script(...behaviours: Behaviour[]): void;
  /** The request bodies received, newest last. */
  requests(): { messages: { role: string; content: unknown }[] }[];
  stop(): Promise<void>;
}

export async function startFakeAnthropic(
  fallback: Behaviour = { kind: "answer", text: "Hello from the fake model." },
): Promise<FakeAnthropic> {
  const queue: Behaviour[] = [];
  const received: { messages: { role: string; content: unknown }[] }[] = [];
  const app = new Hono();
  app.post("/v1/messages", async (c) => {
    received.push(await c.req.json());
    const behaviour = queue.shift() ?? fallback;
    if (behaviour.kind === "rate_limited") {
      return c.json({ type: "error", error: { type: "rate_limit_error", message: "Rate limited" } }, 429, {
        "retry-after": String(behaviour.retryAfterSec ?? 0),
      });
    }
    if (behaviour.kind === "overloaded") {
      return c.json(
        { type: "error", error: { type: "overloaded_error", message: "Overloaded" } },
        529 as 500,
      );
    }
    const scripted = "text" in behaviour ? (behaviour.text.match(/\s*\S+/g) ?? []) : [];
    const count = behaviour.kind === "generated" ? behaviour.tokens : scripted.length;
    const tokenAt = (i: number) =>
      behaviour.kind === "generated" ? behaviour.token(i) : (scripted[i] ?? "");
    const rate = behaviour.kind === "answer" || behaviour.kind === "generated" ? behaviour.tokensPerSec : 0;
    const pause = rate ? 1000 / rate : 0;
    const stream = new ReadableStream<Uint8Array>({
      async start(controller) {
        const send = (event: string, data: object) =>
          controller.enqueue(
            new TextEncoder().encode(
              `event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`,
            ),
          );
        send("message_start", {
          message: {
            id: "msg_fake",
            type: "message",
            role: "assistant",
            model: "fake",
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: { input_tokens: 100, output_tokens: 1 },
          },
        });
        send("content_block_start", { index: 0, content_block: { type: "text", text: "" } });
        if (behaviour.kind === "stall") return; // never another byte: the client's timeout must end it
        const started = performance.now();
        for (let i = 0; i < count; i++) {
          if (behaviour.kind === "cut" && i === behaviour.afterTokens) {
            // Let the bytes already sent reach the client, then drop the connection.
            await new Promise((resolve) => setTimeout(resolve, 100));
            controller.error(new Error("connection reset"));
            return;
          }
          // Paced against the start, not the previous token, so timer drift does not slow the rate.
          if (pause) await sleepUntil(started + (i + 1) * pause);
          send("content_block_delta", { index: 0, delta: { type: "text_delta", text: tokenAt(i) } });
        }
        send("content_block_stop", { index: 0 });
        send("message_delta", {
          delta: { stop_reason: "end_turn", stop_sequence: null },
          usage: { output_tokens: count },
        });
        send("message_stop", {});
        controller.close();
      },
    });
    return new Response(stream, {
      headers: { "content-type": "text/event-stream", "cache-control": "no-cache" },
    });
  });
  const server = serve({ fetch: app.fetch, port: 0, hostname: "127.0.0.1" });
  await new Promise<void>((resolve) => server.once("listening", () => resolve()));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    script: (...behaviours) => queue.push(...behaviours),
    requests: () => received,
    stop: () =>
      new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

const sleepUntil = (at: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));
