// One variant of the stream benchmark, start to end: forks the fake provider and a fresh
// stack (its own DynamoDB Local, so no variant inherits another's warm JVM), gathers the
// readers, zeroes the counters, asks every stream's question at once and waits for the answers.
import { resolve } from "node:path";
import type { Config } from "@rehome/core/config";
import { STREAMS_PER_INVOCATION } from "../../infra/agent";
import type { Counted } from "./counters";
import { busy } from "./cpu";
import { type Child, spawnChild } from "./ipc";
import type { ProviderArgument } from "./provider";
import { gather } from "./readers";
import type { RunTiming, StackArgument, StackReady } from "./server";

export interface Settings {
  readersPerStream: number;
  tokensPerSec: number;
  tokens: number;
  gatewayLatencyMs: number;
}

export interface Variant {
  name: string;
  /** What the variant shows, one line. */
  about: string;
  streams: number;
  /** Stream settings of this variant (STREAM_*), over the configured defaults. */
  env: Record<string, string>;
}

export interface Measured {
  variant: Variant;
  settings: Settings;
  latencies: number[];
  readers: { frames: number; tokens: number; seqs: number[]; dones: number; outcome: string }[];
  counted: Counted;
  timings: RunTiming[];
  /** From the first question to the last completed answer. */
  elapsedMs: number;
  /** CPU over wall time of the stack process and of the driver (the readers), in cores. */
  cpuShare: { stack: number; readers: number };
  /** p99 of how late the stack process's timers fired, in ms. */
  eventLoopDelayP99Ms: number;
  /** The stream settings the worker ran with. */
  stream: Config["stream"];
}

type Collected = {
  counted: Counted;
  timings: RunTiming[];
  cpuShare: number;
  eventLoopDelayP99Ms: number;
  stream: Config["stream"];
};

const HERE = import.meta.dirname;
export const QUESTION = "What changed today?";
// The bench asks a hundred questions as one person in seconds: governance must not refuse them
// (0 budgets = no limit).
const UNLIMITED = "1000000";
export const BENCH_ENV = {
  LOG_LEVEL: "ERROR",
  AI_PROVIDER: "anthropic",
  AI_MODEL: "fake-bench-model",
  ANTHROPIC_API_KEY: "bench-placeholder-key",
  AGENT_LIMIT_PER_MINUTE: UNLIMITED,
  AGENT_LIMIT_PER_DAY: UNLIMITED,
  AGENT_WORKSPACE_LIMIT_PER_DAY: UNLIMITED,
  RATE_LIMIT_TOKEN_PER_MINUTE: UNLIMITED,
  RATE_LIMIT_IP_PER_MINUTE: UNLIMITED,
  RATE_LIMIT_AUTH_PER_MINUTE: UNLIMITED,
  AI_BUDGET_USER_DAILY_CENTS: "0",
  AI_BUDGET_WORKSPACE_DAILY_CENTS: "0",
  AI_BUDGET_WORKSPACE_MONTHLY_CENTS: "0",
};

/** Forks the fake provider: `settings.tokens` tokens per answer at `settings.tokensPerSec`, stamped from `epochMs`. */
export const startProvider = (epochMs: number, settings: Settings) =>
  spawnChild<{ url: string }>(resolve(HERE, "provider.ts"), {
    epochMs,
    tokens: settings.tokens,
    tokensPerSec: settings.tokensPerSec,
  } satisfies ProviderArgument);

export async function runVariant(variant: Variant, settings: Settings, timeoutMs: number): Promise<Measured> {
  const epochMs = Date.now();
  const children: Child<unknown>[] = [];
  try {
    const provider = await startProvider(epochMs, settings);
    children.push(provider);
    const stack = await spawnChild<StackReady>(resolve(HERE, "server.ts"), {
      env: {
        ...BENCH_ENV,
        PROBE_EPOCH: String(epochMs),
        ANTHROPIC_BASE_URL: provider.ready.url,
        ...variant.env,
      },
      gatewayLatencyMs: settings.gatewayLatencyMs,
      // The questions trickle in, so batches are partial: as on Lambda, which adds invocations
      // while messages wait, a batch of one must not hold the next back.
      workerConcurrency: variant.streams,
      lambdaInvocations: Math.ceil(variant.streams / STREAMS_PER_INVOCATION),
    } satisfies StackArgument);
    children.push(stack);

    const audience = await gather(stack.ready.url, variant.streams, settings.readersPerStream, epochMs);
    await stack.call("reset");
    const started = Date.now();
    const readersCpu = busy();
    const runIds = await audience.ask(QUESTION);
    const outcomes = await within(
      timeoutMs,
      Promise.all(audience.readers.map((r) => r.finished)),
      `${variant.name}: answers not finished within ${timeoutMs / 1000} s`,
    );
    const elapsedMs = Date.now() - started;
    const readersShare = readersCpu.share();
    const { counted, timings, cpuShare, eventLoopDelayP99Ms, stream } = await stack.call<Collected>(
      "collect",
      {
        workspaceId: audience.workspaceId,
        runIds,
      },
    );
    audience.close();
    return {
      variant,
      settings,
      latencies: audience.latencies,
      readers: audience.readers.map(({ frames, tokens, seqs, dones }, i) => ({
        frames,
        tokens,
        seqs,
        dones,
        outcome: outcomes[i] ?? "missing",
      })),
      counted,
      timings,
      elapsedMs,
      cpuShare: { stack: cpuShare, readers: readersShare },
      eventLoopDelayP99Ms,
      stream,
    };
  } finally {
    for (const child of children.reverse()) await child.stop();
  }
}

function within<T>(ms: number, promise: Promise<T>, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}
