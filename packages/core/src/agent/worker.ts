// Answers one queued run, exactly once: claims the assistant message with a lease (a
// duplicate delivery finds it taken and stops), streams coalesced deltas with seq 1..n,
// checkpoints content + seq every STREAM_CHECKPOINT_MS (renewing the lease in the same write), and
// finalizes once. A redelivery after a crash takes over when the lease lapses, tells clients
// to rewind to the checkpoint, and continues from there. The circuit breaker (breaker.ts) decides
// first whether the provider may be called at all, and hears how the call went.
import { config } from "../config";
import * as Metric from "../metrics";
import { Channel, cachedAudience, publish } from "../realtime";
import { UserEntity } from "../user/entity";
import { createId, nowIso } from "../util";
import { admit, REFUSED, record, type Verdict } from "./breaker";
import { coalesce } from "./coalescer";
import { build } from "./context";
import { AgentMessageEntity, RunEntity, ThreadEntity } from "./entity";
import { Events } from "./events";
import { type Citable, finish, NO_USAGE } from "./finish";
import { claim, type MessageKey, renew } from "./lease";
import { configuredProvider } from "./providers/configured";
import type { Provider } from "./providers/provider";

const CANCEL_POLL_MS = 250;
// Deltas reuse the subscriber list this long; the final delta and the settle events query afresh.
const AUDIENCE_MAX_AGE_MS = 1000;

export type Outcome = "completed" | "cancelled" | "failed" | "timed_out" | "skipped" | "crashed";

export interface RunOptions {
  /** Aborting it stops the attempt where it is, without finishing: what a crash leaves behind. */
  crash?: AbortSignal;
  provider?: Provider;
}

export async function processRun(
  workspaceId: string,
  runId: string,
  options: RunOptions = {},
): Promise<Outcome> {
  const { data: run } = await RunEntity().get({ workspaceId, runId }).go();
  if (!run || (run.status !== "queued" && run.status !== "running")) return "skipped";
  const key: MessageKey = { workspaceId, threadId: run.threadId, messageId: run.messageId };
  const attempt = createId();
  const { stream, ai } = config();
  const claimed = await claim(key, attempt, stream.leaseMs);
  if (!claimed) return "skipped";
  const ids = { threadId: run.threadId, messageId: run.messageId, runId };
  const channel = Channel.agentThread(run.threadId);
  await RunEntity()
    .patch({ workspaceId, runId })
    .set({ status: "running", startedAt: run.startedAt ?? nowIso(), attempts: (run.attempts ?? 0) + 1 })
    .go();
  if (claimed.lastSeq > 0)
    await publish(channel, Events.Rewound, { ...ids, seq: claimed.lastSeq, content: claimed.content });
  const admission = await admit(runId);
  if (admission === "refused") {
    const checkpoint = { content: claimed.content, seq: claimed.lastSeq, usage: NO_USAGE };
    await finish({ key, ids, attempt, outcome: "failed", error: REFUSED, ...checkpoint });
    return "failed";
  }

  const abort = new AbortController();
  const provider = options.provider ?? configuredProvider();
  const state = { seq: claimed.lastSeq, content: claimed.content, lostLease: false };
  const saveCheckpoint = async () => {
    if (options.crash?.aborted) return;
    if (!(await renew(key, attempt, stream.leaseMs, state.content, state.seq))) {
      state.lostLease = true;
      abort.abort(new Error("lease lost"));
    }
  };
  const audience = cachedAudience(channel, AUDIENCE_MAX_AGE_MS);
  const coalescer = coalesce({
    windowMs: stream.coalesceMs,
    tokensPerDelta: stream.coalesceTokens,
    maxChars: stream.coalesceMaxChars,
    flush: async (delta, waitedMs) => {
      if (options.crash?.aborted || state.lostLease) return;
      state.seq += 1;
      state.content += delta;
      const started = performance.now();
      await publish(channel, Events.Delta, { ...ids, seq: state.seq, delta, done: false }, { audience });
      // Token-to-socket latency: time in the coalescer plus the PostToConnection round trip.
      Metric.milliseconds("TokenLatencyMs", waitedMs + performance.now() - started);
      // 0: a state write per delta, the original design (the stream benchmark's baseline).
      if (stream.checkpointMs === 0) await saveCheckpoint();
    },
  });
  const timers = [
    ...(stream.checkpointMs > 0 ? [setInterval(saveCheckpoint, stream.checkpointMs)] : []),
    setInterval(async () => {
      const { data } = await RunEntity().get({ workspaceId, runId }).go();
      if (data?.cancelRequested) abort.abort(new Error("cancelled"));
    }, CANCEL_POLL_MS),
    setTimeout(() => abort.abort(new Error("timed out")), ai.timeoutMs),
  ];
  options.crash?.addEventListener("abort", () => abort.abort(new Error("crashed")), { once: true });

  let outcome: "completed" | "cancelled" | "failed" | "timed_out" = "completed";
  let error: string | undefined;
  let reachedProvider = false;
  let citable: Citable | undefined;
  try {
    const { data: thread } = await ThreadEntity().get({ workspaceId, threadId: run.threadId }).go();
    const { data: asker } = await UserEntity().get({ workspaceId, userId: run.userId }).go();
    if (!thread || !asker || asker.status !== "active")
      throw new Error("The thread or the person who asked is gone.");
    // The asker's own access decides what the agent may read, at answer time.
    const context = await build(
      { type: "user", userId: asker.userId, workspaceId, role: asker.role },
      thread.scope === "workspace" ? null : thread.scope,
    );
    citable = context;
    await RunEntity().patch({ workspaceId, runId }).set({ contextUsed: context.used }).go();
    const request = { question: run.question, context, prefill: claimed.content, signal: abort.signal };
    reachedProvider = true;
    for await (const token of provider.stream(request)) coalescer.push(token);
  } catch (caught) {
    const reason = abort.signal.aborted ? (abort.signal.reason as Error).message : undefined;
    outcome = reason === "cancelled" ? "cancelled" : reason === "timed out" ? "timed_out" : "failed";
    error = reason ?? (caught instanceof Error ? caught.message : String(caught));
  } finally {
    for (const timer of timers) clearTimeout(timer);
  }
  if (options.crash?.aborted) return "crashed";
  await coalescer.drain();
  if (state.lostLease) return "skipped";
  await record(runId, admission, verdictOf(outcome, reachedProvider));
  await finish({
    key,
    ids,
    attempt,
    outcome,
    error,
    content: state.content,
    seq: state.seq,
    usage: provider.usage(),
    citable,
  });
  return outcome;
}

// Cancels are the asker's choice and failures before the provider call are ours: neither says
// anything about the provider. Timeouts count: a provider stalling past AI_TIMEOUT is as useless
// to the asker as one that errors, and each stall holds a worker for the whole timeout.
function verdictOf(
  outcome: "completed" | "cancelled" | "failed" | "timed_out",
  reachedProvider: boolean,
): Verdict {
  if (outcome === "completed") return "success";
  return reachedProvider && (outcome === "failed" || outcome === "timed_out") ? "failure" : "neutral";
}
