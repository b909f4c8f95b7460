// The worker alone, as on Lambda: the stack (and the readers) elsewhere, the agent-worker deploy
// bundle in a process of its own answering 1, 10 and 50 streams at once, each batch in a fresh
// process after one answer that warms it up (a new sandbox's first answer, reported apart), five
// rounds of each. Per batch: CPU per 1,000-token answer and the memory each concurrent stream
// adds to the process; the medians of the rounds.
import { mkdtemp, rm } from "node:fs/promises";
import { join, resolve } from "node:path";
import { bundle as bundleEntry, bundleFunctions } from "../../infra/bundle";
import { type Child, spawnChild } from "./ipc";
import { gather } from "./readers";
import type { StackArgument, StackReady } from "./server";
import { median } from "./stats";
import { BENCH_ENV, QUESTION, type Settings, startProvider } from "./variant";
import type { Answered, Batch, WorkerArgument } from "./worker";

const HERE = import.meta.dirname;
const KB = 1024;
/** Each count runs this often; a batch's figures and the marginal are the medians. */
const ROUNDS = 5;

export interface AloneBatch {
  streams: number;
  /** The first answer of a fresh process (modules loaded on first use, cold JIT). */
  warmUp: boolean;
  cpuMsPerAnswer: number;
  /** The whole process's resident set while every stream was live: what the function's memory must hold. */
  residentMb: number;
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
    // The harness is JavaScript run by Node alone, as Lambda's runtime imports a function: under
    // the TypeScript loader the bundle was recompiled with inline source maps, and a warmed worker
    // held 47 MB of heap where the deployed one holds 19.
    const harness = (await bundleEntry(resolve(HERE, "worker.ts"), join(out, "harness"))).file;
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
    // Each batch in a fresh worker, warmed by one answer first (a new sandbox's first, with its
    // modules loaded on first use and its code compiled): what the batch adds to the resident set
    // is then its own, not what an earlier, larger batch left reserved.
    const answerMs = (settings.tokens / settings.tokensPerSec) * 1000;
    const answer = async (worker: Child<object>, streams: number, warmUp: boolean): Promise<AloneBatch> => {
      const audience = await gather(stack.ready.url, streams, settings.readersPerStream, epochMs);
      const runIds = await audience.ask(QUESTION);
      const batch: Batch = { workspaceId: audience.workspaceId, runIds, answerMs };
      const answered = await worker.call<Answered>("answer", batch);
      await Promise.race([
        Promise.all(audience.readers.map((r) => r.finished)),
        // Unref'd: once the readers are done, this timer must not keep the benchmark alive for minutes.
        new Promise((_, reject) =>
          setTimeout(() => reject(new Error("readers did not finish")), timeoutMs).unref(),
        ),
      ]);
      audience.close();
      return {
        streams,
        warmUp,
        cpuMsPerAnswer: Math.round(answered.cpuMs / streams),
        residentMb: Math.round(answered.activeRssBytes / KB / KB),
        rssKbPerStream: Math.round((answered.activeRssBytes - answered.idle.rssBytes) / streams / KB),
        liveKbPerStream: Math.round((answered.activeLiveBytes - answered.idle.liveBytes) / streams / KB),
        wallSeconds: Number((answered.wallMs / 1000).toFixed(1)),
        failures: answered.failures,
      };
    };
    const warmUps: AloneBatch[] = [];
    const inFreshWorker = async (streams: number) => {
      const worker = await spawnChild<object>(
        harness,
        { bundle, env: stack.ready.env } satisfies WorkerArgument,
        { nodeFlags: ["--expose-gc"], plain: true },
      );
      try {
        warmUps.push(await answer(worker, 1, true));
        return await answer(worker, streams, false);
      } finally {
        await worker.stop();
      }
    };
    const rounds: AloneBatch[][] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const batches: AloneBatch[] = [];
      for (const streams of counts) batches.push(await inFreshWorker(streams));
      rounds.push(batches);
    }
    const batches = counts.map((streams, i) =>
      medianBatch(
        rounds.map((r) => r[i] as AloneBatch),
        streams,
      ),
    );
    const marginals = rounds.flatMap((r) => marginal(r) ?? []);
    const medianOf = (key: "rssKbPerStream" | "liveKbPerStream") => median(marginals.map((m) => m[key]));
    return {
      batches: [medianBatch(warmUps, 1, true), ...batches],
      marginal: marginals[0] && {
        between: marginals[0].between,
        rssKbPerStream: medianOf("rssKbPerStream"),
        liveKbPerStream: medianOf("liveKbPerStream"),
        rounds: marginals,
      },
    };
  } finally {
    for (const child of children.reverse()) await child.stop();
    await rm(out, { recursive: true, force: true });
  }
}

/** Each batch's figures: the median over the rounds. */
function medianBatch(runs: AloneBatch[], streams: number, warmUp = false): AloneBatch {
  const of = (key: keyof Omit<AloneBatch, "streams" | "warmUp">) => median(runs.map((b) => b[key]));
  return {
    streams,
    warmUp,
    cpuMsPerAnswer: of("cpuMsPerAnswer"),
    residentMb: of("residentMb"),
    rssKbPerStream: of("rssKbPerStream"),
    liveKbPerStream: of("liveKbPerStream"),
    wallSeconds: of("wallSeconds"),
    failures: runs.reduce((sum, b) => sum + b.failures, 0),
  };
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
