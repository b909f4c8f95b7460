// The stack side of the stream benchmark, one child process per variant: a local stack with
// its own DynamoDB Local, the worker answering through the fake Anthropic API, and counters on
// every AWS client. The driver resets the counters before asking and collects them after.
import { monitorEventLoopDelay } from "node:perf_hooks";
import { RunEntity } from "@rehome/core/agent/entity";
import { connections, dynamo, sqs } from "@rehome/core/aws/clients";
import { config } from "@rehome/core/config";
import { startStack } from "@rehome/local/stack";
import { countCalls } from "./counters";
import { busy } from "./cpu";
import { argument, serve } from "./ipc";
import { poolLikeLambda } from "./pools";

export interface StackArgument {
  env: Record<string, string>;
  gatewayLatencyMs: number;
  /** false: no worker here; the worker-alone measurement runs it in a process of its own. */
  worker?: boolean;
  workerConcurrency: number;
  /** Worker invocations Lambda would run side by side for this many streams. */
  lambdaInvocations: number;
}

export interface StackReady {
  url: string;
  /** The wiring a function needs to reach this stack (endpoints, table names, credentials). */
  env: Record<string, string>;
}

export interface RunTiming {
  runId: string;
  status: string;
  startedAt?: string;
  finishedAt?: string;
}

const GRACE_MS = 1500;

const { env, gatewayLatencyMs, worker, workerConcurrency, lambdaInvocations } = argument<StackArgument>();
const stack = await startStack({ env, gatewayLatencyMs, worker, workerConcurrency, seed: true });
const websocket = (await connections()).client;
poolLikeLambda(lambdaInvocations, [dynamo(), websocket]);
const counters = countCalls({
  dynamodb: dynamo(),
  sqs: (await sqs()).client,
  eventSource: stack.queueClient,
  websocket,
});

let cpu = busy();
// How late the stack's timers fire: its tail is the time a token waits for the CPU.
const lateness = monitorEventLoopDelay({ resolution: 10 });

const credentials = ["AWS_REGION", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY"] as const;
const wiring = {
  ...stack.env,
  ...Object.fromEntries(credentials.map((name) => [name, process.env[name] ?? ""])),
};
serve({ url: stack.url, env: wiring } satisfies StackReady, {
  reset: () => {
    counters.reset();
    cpu = busy();
    lateness.reset();
    lateness.enable();
  },
  /**
   * Called once every subscriber has the completed event: only the run's final write and the
   * event source's delete are left, so after a grace period the counts are whole. They are
   * taken before the timings are read, which would count too.
   */
  collect: async ({ workspaceId, runIds }: { workspaceId: string; runIds: string[] }) => {
    await new Promise((resolve) => setTimeout(resolve, GRACE_MS));
    const counted = counters.snapshot();
    const cpuShare = cpu.share();
    lateness.disable();
    // The histogram counts from each timer's due time plus its resolution: report the delay alone.
    const eventLoopDelayP99Ms = Math.max(0, lateness.percentile(99) / 1e6 - 10);
    // Run timings are the worker's own record; no API returns them, so read the entity directly.
    const timings: RunTiming[] = await Promise.all(
      runIds.map(async (runId) => {
        const { data: run } = await RunEntity().get({ workspaceId, runId }).go();
        return {
          runId,
          status: run?.status ?? "missing",
          startedAt: run?.startedAt,
          finishedAt: run?.finishedAt,
        };
      }),
    );
    return { counted, timings, cpuShare, eventLoopDelayP99Ms, stream: config().stream };
  },
  stop: () => stack.stop(),
});
