// Answers one queued run, exactly once: claims the assistant message with a lease (a
// duplicate delivery finds it taken and stops), streams coalesced deltas with seq 1..n,
// checkpoints content + seq every STREAM_CHECKPOINT_MS (renewing the lease in the same write), and
// finalizes once. A redelivery after a crash takes over when the lease lapses, tells clients
// to rewind to the checkpoint, and continues from there. The answer comes from the workspace's
// model or, when that one is overloaded, failing or behind an open circuit breaker, from the
// fallback model (fallback.ts); each model's breaker hears how its call went.
import { Budget } from "../budget";
import { config } from "../config";
import * as Metric from "../metrics";
import { Channel, cachedAudience, publish } from "../realtime";
import { UserEntity } from "../user/entity";
import { createId, nowIso } from "../util";
import { REFUSED, record, type Verdict } from "./breaker";
import { watchCancel } from "./cancels";
import { coalesce } from "./coalescer";
import { build } from "./context";
import { AgentMessageEntity, RunEntity, ThreadEntity } from "./entity";
import { Events } from "./events";
import { type Answering, admitFirst, configuredMaker, Refused, streamAnswer } from "./fallback";
import { type Citable, finish } from "./finish";
import { claim, type MessageKey, renew } from "./lease";
import { modelsFor } from "./models";
import type { Provider } from "./providers/provider";
import { Transcript } from "./transcript";

// Deltas reuse the subscriber list this long; the final delta and the settle events query afresh.
const AUDIENCE_MAX_AGE_MS = 1000;

export type Outcome = "completed" | "cancelled" | "failed" | "timed_out" | "skipped" | "crashed";

export interface RunOptions {
  /** Aborting it stops the attempt where it is, without finishing: what a crash leaves behind. */
  crash?: AbortSignal;
  /** Answers instead of the configured models (and without a fallback). */
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
  const given = options.provider;
  const admitted = await admitFirst(given ? [given.model] : await modelsFor(workspaceId), runId);
  if (!admitted) {
    const checkpoint = { content: claimed.content, seq: claimed.lastSeq, usage: Budget.NO_TOKENS };
    await finish({ key, ids, attempt, outcome: "failed", error: REFUSED, model: run.model, ...checkpoint });
    return "failed";
  }
  const make = given ? () => given : configuredMaker();

  const abort = new AbortController();
  // The answer's one copy: the provider appends every token; published counts the characters of
  // it the deltas have carried so far, which is what a checkpoint may claim.
  const answer = new Transcript(claimed.content);
  const state = { seq: claimed.lastSeq, published: claimed.content.length, lostLease: false };
  const published = () => answer.toString().slice(0, state.published);
  const saveCheckpoint = async () => {
    if (options.crash?.aborted) return;
    if (!(await renew(key, attempt, stream.leaseMs, published(), state.seq))) {
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
      state.published += delta.length;
      const started = performance.now();
      await publish(
        channel,
        Events.Delta,
        { ...ids, role: "assistant", seq: state.seq, delta, done: false },
        { audience },
      );
      // Token-to-socket latency: time in the coalescer plus the PostToConnection round trip.
      Metric.milliseconds("TokenLatencyMs", waitedMs + performance.now() - started);
      // 0: a state write per delta, the original design (the stream benchmark's baseline).
      if (stream.checkpointMs === 0) await saveCheckpoint();
    },
  });
  const timeout = setTimeout(() => abort.abort(new Error("timed out")), ai.timeoutMs);
  const repeating = [
    ...(stream.checkpointMs > 0 ? [repeat(stream.checkpointMs, saveCheckpoint)] : []),
    watchCancel(workspaceId, runId, () => abort.abort(new Error("cancelled"))),
  ];
  options.crash?.addEventListener("abort", () => abort.abort(new Error("crashed")), { once: true });

  let outcome: "completed" | "cancelled" | "failed" | "timed_out" = "completed";
  let error: string | undefined;
  let refused = false;
  const answering: Answering = { model: admitted.models[0], admission: admitted.admission };
  let citable: Citable | undefined;
  try {
    const { data: thread } = await ThreadEntity().get({ workspaceId, threadId: run.threadId }).go();
    // What the access decision needs and no more: the worker never holds a password hash.
    const { data: asker } = await UserEntity()
      .get({ workspaceId, userId: run.userId })
      .go({ attributes: ["userId", "role", "status"] });
    if (!thread || !asker || asker.status !== "active")
      throw new Error("The thread or the person who asked is gone.");
    // The asker's own access decides what the agent may read, at answer time.
    const context = await build(
      { type: "user", userId: asker.userId, workspaceId, role: asker.role },
      thread.scope === "workspace" ? null : thread.scope,
    );
    citable = context;
    await RunEntity().patch({ workspaceId, runId }).set({ contextUsed: context.used }).go();
    const request = { question: run.question, context, answer, signal: abort.signal };
    for await (const token of streamAnswer(admitted, runId, request, answering, make)) coalescer.push(token);
  } catch (caught) {
    const reason = abort.signal.aborted ? (abort.signal.reason as Error).message : undefined;
    outcome = reason === "cancelled" ? "cancelled" : reason === "timed out" ? "timed_out" : "failed";
    refused = !reason && caught instanceof Refused;
    error = refused ? REFUSED : (reason ?? (caught instanceof Error ? caught.message : String(caught)));
  } finally {
    clearTimeout(timeout);
    for (const stop of repeating) stop();
  }
  if (options.crash?.aborted) return "crashed";
  await coalescer.drain();
  if (state.lostLease) return "skipped";
  // A success, a failure followed by a fallback and a refusal were recorded as they happened;
  // a run that failed before calling a model (no provider yet) proved nothing about it.
  if (outcome !== "completed" && !refused && answering.model && answering.admission)
    await record(
      runId,
      answering.model,
      answering.admission,
      answering.provider ? verdictOf(outcome) : "neutral",
    );
  await finish({
    key,
    ids,
    attempt,
    outcome,
    error,
    content: published(),
    seq: state.seq,
    model: answering.model ?? run.model,
    usage: answering.provider?.usage() ?? Budget.NO_TOKENS,
    citable,
  });
  return outcome;
}

// A cancel is the asker's choice: it says nothing about the model. Timeouts count: a model
// stalling past AI_TIMEOUT is as useless to the asker as one that errors, and each stall holds a
// worker for the whole timeout.
const verdictOf = (outcome: "cancelled" | "failed" | "timed_out"): Verdict =>
  outcome === "cancelled" ? "neutral" : "failure";

/**
 * Runs `task` every `ms`, counted from when the last run settled: while the table answers slowly a
 * stream never has two checkpoints in flight (each held request costs tens of KB, which
 * is what a stream's memory was made of). Returns the function that stops it.
 */
function repeat(ms: number, task: () => Promise<unknown>) {
  let timer: NodeJS.Timeout | undefined;
  let stopped = false;
  const next = () => {
    if (!stopped) timer = setTimeout(() => void task().finally(next), ms);
  };
  next();
  return () => {
    stopped = true;
    clearTimeout(timer);
  };
}
