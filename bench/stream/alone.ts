// The worker alone, as on Lambda: the stack (and the readers) elsewhere, the agent-worker deploy
// bundle in a process of its own answering 1, 10 and 50 streams at once, after one answer that
// warms it up (a fresh sandbox's first answer, reported apart). Per batch: CPU per 1,000-token
// answer and the memory each concurrent stream adds to the process.
import { mkdtemp, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { bundleFunctions } from "../../infra/bundle";
import { type Child, spawnChild } from "./ipc";
import { gather } from "./readers";
import type { StackArgument, StackReady } from "./server";
import { BENCH_ENV, QUESTION, type Settings, startProvider } from "./variant";
import type { Answered, Batch, WorkerArgument } from "./worker";

const HERE = import.meta.dirname;
const KB = 1024;

export interface AloneBatch {
  streams: number;
  /** The first answer of a fresh process (modules loaded on first use, cold JIT). */
  warmUp: boolean;
  cpuMsPerAnswer: number;
  /** (resident set while every stream was live - idle) / streams. */
  rssKbPerStream: number;
  /** (live heap and external memory halfway through - idle) / streams. */
  liveKbPerStream: number;
  wallSeconds: number;
  failures: number;
}

export async function runWorkerAlone(settings: Settings, counts: number[], timeoutMs: number) {
  const epochMs = Date.now();
  const children: Child<unknown>[] = [];
  const out = await mkdtemp(join(resolve(HERE, "../.."), "node_modules", ".rehome-bench-"));
  try {
    const bundle = (await bundleFunctions(out, ["agent-worker"]))["agent-worker"]?.file ?? "";
    const provider = await startProvider(epochMs, settings);
    children.push(provider);
    const stack = await spawnChild<StackReady>(resolve(HERE, "server.ts"), {
      env: { ...BENCH_ENV, ANTHROPIC_BASE_URL: provider.ready.url },
      gatewayLatencyMs: settings.gatewayLatencyMs,
      worker: false,
      workerConcurrency: 1,
      lambdaInvocations: 1,
    } satisfies StackArgument);
    children.push(stack);
    const worker = await spawnChild<object>(
      resolve(HERE, "worker.ts"),
      { bundle, env: stack.ready.env } satisfies WorkerArgument,
      ["--expose-gc"],
    );
    children.push(worker);

    const batches: AloneBatch[] = [];
    for (const [i, streams] of [1, ...counts].entries()) {
      const audience = await gather(stack.ready.url, streams, settings.readersPerStream, epochMs);
      const runIds = await audience.ask(QUESTION);
      const midpointMs = (settings.tokens / settings.tokensPerSec) * 500;
      const batch: Batch = { workspaceId: audience.workspaceId, runIds, midpointMs };
      const answered = await worker.call<Answered>("answer", batch);
      await Promise.race([
        Promise.all(audience.readers.map((r) => r.finished)),
        // Unref'd: once the readers are done, this timer must not keep the benchmark alive for minutes.
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error("readers did not finish")), timeoutMs).unref(),
        ),
      ]);
      audience.close();
      batches.push({
        streams,
        warmUp: i === 0,
        cpuMsPerAnswer: Math.round(answered.cpuMs / streams),
        rssKbPerStream: Math.round((answered.activeRssBytes - answered.idle.rssBytes) / streams / KB),
        liveKbPerStream: Math.round((answered.activeLiveBytes - answered.idle.liveBytes) / streams / KB),
        wallSeconds: Number((answered.wallMs / 1000).toFixed(1)),
        failures: answered.failures,
      });
    }
    return { batches, marginal: marginal(batches.filter((b) => !b.warmUp)) };
  } finally {
    for (const child of children.reverse()) await child.stop();
    await rm(out, { recursive: true, force: true });
  }
}

/** Memory one more stream adds, between the two largest batches: fixed costs and noise of one stream cancel. */
function marginal(batches: AloneBatch[]) {
  const [first, last] = [batches.at(-2), batches.at(-1)];
  if (!first || !last || first === last) return undefined;
  const total = (b: AloneBatch, key: "rssKbPerStream" | "liveKbPerStream") => b[key] * b.streams;
  const per = (key: "rssKbPerStream" | "liveKbPerStream") =>
    Math.round((total(last, key) - total(first, key)) / (last.streams - first.streams));
  return {
    between: [first.streams, last.streams],
    rssKbPerStream: per("rssKbPerStream"),
    liveKbPerStream: per("liveKbPerStream"),
  };
}
