// The worker alone, as on Lambda: a process of its own that imports the agent-worker deploy
// bundle and answers the runs it is handed as one SQS batch, every stream at once. Reports the
// CPU the batch cost and the memory while every stream was live: the resident set size, and the
// live heap after a garbage collection forced halfway through (its own CPU left out).
import { argument, serve } from "./ipc";

export interface WorkerArgument {
  /** The agent-worker bundle's index.mjs. */
  bundle: string;
  /** The stack's wiring and the benchmark's settings, as a deployed function's environment. */
  env: Record<string, string>;
}

export interface Batch {
  workspaceId: string;
  runIds: string[];
  /** When to weigh the live heap: halfway through an answer. */
  midpointMs: number;
}

export interface Answered {
  failures: number;
  cpuMs: number;
  wallMs: number;
  /** Before the batch, after a garbage collection. */
  idle: { rssBytes: number; liveBytes: number };
  /** Median resident set size over the middle half of the batch, when every stream was live. */
  activeRssBytes: number;
  /** Heap and external memory in use halfway through, after a garbage collection. */
  activeLiveBytes: number;
}

type Handler = (event: unknown) => Promise<{ batchItemFailures: unknown[] }>;

const { bundle, env } = argument<WorkerArgument>();
Object.assign(process.env, env);
const { handler } = (await import(bundle)) as { handler: Handler };
const collect = globalThis.gc;
if (!collect) throw new Error("the worker needs --expose-gc");
const liveBytes = () => {
  const { heapUsed, external } = process.memoryUsage();
  return heapUsed + external;
};
const cpuMs = (since?: NodeJS.CpuUsage) => {
  const { user, system } = process.cpuUsage(since);
  return (user + system) / 1000;
};

async function answer({ workspaceId, runIds, midpointMs }: Batch): Promise<Answered> {
  collect?.();
  const idle = { rssBytes: process.memoryUsage().rss, liveBytes: liveBytes() };
  const samples: { at: number; rss: number }[] = [];
  let activeLiveBytes = 0;
  let collectingMs = 0;
  const sampler = setInterval(
    () => samples.push({ at: performance.now(), rss: process.memoryUsage().rss }),
    100,
  );
  const weigh = setTimeout(() => {
    const before = process.cpuUsage();
    collect?.();
    activeLiveBytes = liveBytes();
    collectingMs = cpuMs(before);
  }, midpointMs);
  const cpu = process.cpuUsage();
  const started = performance.now();
  const records = runIds.map((runId, i) => ({
    messageId: `bench-${i}`,
    body: JSON.stringify({ type: "agent.run", workspaceId, runId }),
    attributes: { ApproximateReceiveCount: "1" },
  }));
  const { batchItemFailures } = await handler({ Records: records });
  const used = cpuMs(cpu);
  const ended = performance.now();
  clearInterval(sampler);
  clearTimeout(weigh);
  const quarter = (ended - started) / 4;
  const middle = samples
    .filter(({ at }) => at >= started + quarter && at <= ended - quarter)
    .map(({ rss }) => rss)
    .sort((a, b) => a - b);
  return {
    failures: batchItemFailures.length,
    cpuMs: used - collectingMs,
    wallMs: ended - started,
    idle,
    activeRssBytes: middle[Math.floor(middle.length / 2)] ?? 0,
    activeLiveBytes,
  };
}

serve({}, { answer, stop: () => undefined });
