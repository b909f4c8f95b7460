// A local server that speaks the Anthropic Messages API's streaming format (SSE), so the real
// @anthropic-ai/sdk code path runs in tests. Each request takes the next scripted behaviour:
// a normal stream, 429 / 529 errors, a stall, a stream cut mid-answer, or a generated answer
// of a given length and pace (the stream benchmark stamps each token as it leaves). A model can be
// given a standing behaviour (always overloaded, say), so a fallback model is told apart. Usage is
// reported as the real API does, with prompt caching: the request's prefix up to its last
// `cache_control` block, when long enough, is written to a 5-minute cache on first sight and
// read from it by any later request of the same model with the same prefix.
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

export interface FakeRequest {
  model: string;
  system?: string | Block[];
  messages: { role: string; content: string | Block[] }[];
}
type Block = { type: string; text?: string; cache_control?: { type: string } };

export interface Usage {
  input_tokens: number;
  cache_creation_input_tokens: number;
  cache_read_input_tokens: number;
}

export interface FakeOptions {
  /** A cacheable prefix shorter than this is not cached, as on the real API (Sonnet: 1,024 tokens). */
  minCacheTokens?: number;
}

export interface FakeAnthropic {
  url: string;
  /** Queues behaviours for the next requests; when empty, requests get `fallback`. */
  script(...behaviours: Behaviour[]): void;
  /** Every request for `model` gets `behaviour` from now on (before the queue); undefined ends it. */
  stick(model: string, behaviour: Behaviour | undefined): void;
  /** The request bodies received, newest last. */
  requests(): FakeRequest[];
  /** The input usage reported for each answered request, in order. */
  usages(): Usage[];
  stop(): Promise<void>;
}

const CACHE_TTL_MS = 5 * 60_000;

export async function startFakeAnthropic(
  fallback: Behaviour = { kind: "answer", text: "Hello from the fake model." },
  options: FakeOptions = {},
): Promise<FakeAnthropic> {
  const queue: Behaviour[] = [];
  const standing = new Map<string, Behaviour>();
  const received: FakeRequest[] = [];
  const reported: Usage[] = [];
  const cache = new Map<string, number>();
  const minCacheTokens = options.minCacheTokens ?? 1024;
  const app = new Hono();
  app.post("/v1/messages", async (c) => {
    const request: FakeRequest = await c.req.json();
    received.push(request);
    const behaviour = standing.get(request.model) ?? queue.shift() ?? fallback;
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
    const usage = inputUsage(request, cache, minCacheTokens);
    reported.push(usage);
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
            model: request.model,
            content: [],
            stop_reason: null,
            stop_sequence: null,
            usage: { ...usage, output_tokens: 1 },
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
    stick: (model, behaviour) => (behaviour ? standing.set(model, behaviour) : standing.delete(model)),
    requests: () => received,
    usages: () => reported,
    stop: () =>
      new Promise<void>((resolve) => {
        (server as unknown as { closeAllConnections?: () => void }).closeAllConnections?.();
        server.close(() => resolve());
      }),
  };
}

/** About four characters a token, as the agent's own estimate. */
const tokensOf = (text: string) => Math.ceil(text.length / 4);

/**
 * The request's input split as the real API bills it: the prefix through the last block marked
 * `cache_control` (system prompt first) is written to the cache or read from it; the rest is input.
 */
function inputUsage(request: FakeRequest, cache: Map<string, number>, minCacheTokens: number): Usage {
  const blocks: Block[] = [
    ...asBlocks(request.system ?? ""),
    ...request.messages.flatMap((m) => asBlocks(m.content)),
  ];
  const total = tokensOf(blocks.map((b) => b.text ?? "").join(""));
  const end = blocks.findLastIndex((b) => b.cache_control);
  const prefix = blocks.slice(0, end + 1);
  const cached = tokensOf(prefix.map((b) => b.text ?? "").join(""));
  if (end < 0 || cached < minCacheTokens)
    return { input_tokens: total, cache_creation_input_tokens: 0, cache_read_input_tokens: 0 };
  const key = JSON.stringify([request.model, prefix.map((b) => b.text)]);
  const now = Date.now();
  const hit = (cache.get(key) ?? 0) > now;
  cache.set(key, now + CACHE_TTL_MS);
  return {
    input_tokens: total - cached,
    cache_creation_input_tokens: hit ? 0 : cached,
    cache_read_input_tokens: hit ? cached : 0,
  };
}

const asBlocks = (content: string | Block[]): Block[] =>
  typeof content === "string" ? (content ? [{ type: "text", text: content }] : []) : content;

const sleepUntil = (at: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));
