// The worker alone, as on Lambda: a process of its own that imports the agent-worker deploy
// bundle and answers the runs it is handed as one SQS batch, every stream at once. Reports the
// CPU the batch cost and the memory while every stream was live: the resident set size, and the
// live heap after garbage collections forced through the middle of the answers (their own CPU
// left out).
import { argument, serve } from "./ipc";
import { median } from "./stats";

export interface WorkerArgument {
  /** The agent-worker bundle's index.mjs. */
  bundle: string;
  /** The stack's wiring and the benchmark's settings, as a deployed function's environment. */
  env: Record<string, string>;
}

export interface Batch {
  workspaceId: string;
  runIds: string[];
  /** How long an answer streams: the live heap is weighed through the middle of it. */
  answerMs: number;
}

export interface Answered {
  failures: number;
  cpuMs: number;
  wallMs: number;
  /** Before the batch, after a garbage collection. */
  idle: { rssBytes: number; liveBytes: number };
  /** Median resident set size over the middle half of the batch, when every stream was live. */
  activeRssBytes: number;
  /** Heap and external memory in use through the middle of the answers, after a garbage
   * collection: the median of five weighings. */
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

/** When to weigh, as shares of an answer: one weighing catches whatever was in flight at that moment. */
const WEIGHINGS = [0.3, 0.4, 0.5, 0.6, 0.7];

async function answer({ workspaceId, runIds, answerMs }: Batch): Promise<Answered> {
  collect?.();
  const idle = { rssBytes: process.memoryUsage().rss, liveBytes: liveBytes() };
  const samples: { at: number; rss: number }[] = [];
  const weighed: number[] = [];
  let collectingMs = 0;
  const sampler = setInterval(
    () => samples.push({ at: performance.now(), rss: process.memoryUsage().rss }),
    100,
  );
  const weighings = WEIGHINGS.map((share) =>
    setTimeout(() => {
      const before = process.cpuUsage();
      collect?.();
      weighed.push(liveBytes());
      collectingMs += cpuMs(before);
    }, share * answerMs),
  );
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
  for (const weighing of weighings) clearTimeout(weighing);
  const quarter = (ended - started) / 4;
  const middle = samples.filter(({ at }) => at >= started + quarter && at <= ended - quarter);
  return {
    failures: batchItemFailures.length,
    cpuMs: used - collectingMs,
    wallMs: ended - started,
    idle,
    activeRssBytes: median(middle.map(({ rss }) => rss)),
    activeLiveBytes: median(weighed),
  };
}

serve({}, { answer, stop: () => undefined });
