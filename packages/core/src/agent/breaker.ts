// The circuit breakers over the models that answer, one per model: one TTL item in the Realtime
// table counts a model's consecutive failed runs; at the threshold it opens for a cooldown (runs
// skip that model for the next one, or fail without calling it; with every model of a workspace
// open its questions get 503), then lets exactly one trial run through. It never calls a provider.
import { Entity } from "electrodb";
import { config } from "../config";
import { realtimeTable, service } from "../db";
import { VisibleError } from "../error";
import { logger } from "../log";
import * as Metric from "../metrics";
import { epochSeconds, isAlive } from "../tables";
import { once } from "../util";

const UNAVAILABLE = "The assistant is unavailable right now because its AI provider keeps failing.";
/** The error a run refused by the breaker ends with, as the asker reads it. */
export const REFUSED = `${UNAVAILABLE} Try again shortly.`;

/** A streak of failures older than this (past the cooldown) is forgotten. */
const MEMORY_SECONDS = 3600;
/** A trial run that never reports back (a crashed worker) frees the trial after its timeout plus this. */
const TRIAL_MARGIN_MS = 10_000;

// Access pattern: get the breaker of one model (TTL item, Realtime table).
export const BreakerEntity = once(
  () =>
    new Entity(
      {
        model: { entity: "breaker", version: "2", service },
        attributes: {
          /** The model's id as the provider knows it (`offline` for the offline provider). */
          model: { type: "string", required: true },
          failures: { type: "number", default: 0 },
          /** Epoch ms; while in the future the breaker is open. */
          openUntil: { type: "number" },
          /** The one run let through after the cooldown, and until when it holds the trial (epoch ms). */
          trialRunId: { type: "string" },
          trialUntil: { type: "number" },
          expiresAt: { type: "number", required: true },
        },
        indexes: {
          primary: { pk: { field: "pk", composite: ["model"] }, sk: { field: "sk", composite: [] } },
        },
      },
      realtimeTable(),
    ),
);

/** What the worker was told before a run: `clean` means there is no streak to reset on success. */
export type Admission = "clean" | "streak" | "trial" | "refused";

/** How a run's provider call went, as far as the breaker cares. */
export type Verdict = "success" | "failure" | "neutral";

/**
 * Refuses a new question with 503 and Retry-After while every model that could answer it is
 * open; after the first cooldown ends questions queue again.
 */
export async function check(models: string[], now = Date.now()): Promise<void> {
  const states = await Promise.all(models.map((model) => read(model, now)));
  const reopen = states.map((state) => (state?.openUntil && state.openUntil > now ? state.openUntil : 0));
  if (reopen.every(Boolean)) throw unavailable(Math.ceil((Math.min(...reopen) - now) / 1000));
}

/** Decides whether a run may call the model; after the cooldown only one run (the trial) may. */
export async function admit(runId: string, model: string, now = Date.now()): Promise<Admission> {
  const state = await read(model, now);
  if (!state) return "clean";
  if (state.openUntil && state.openUntil > now) return "refused";
  if (state.failures < config().ai.breaker.threshold) return "streak";
  try {
    await BreakerEntity()
      .patch({ model })
      .set({ trialRunId: runId, trialUntil: now + config().ai.timeoutMs + TRIAL_MARGIN_MS })
      .where(
        ({ trialRunId, trialUntil }, { eq, lt, notExists }) =>
          `${notExists(trialUntil)} OR ${lt(trialUntil, now)} OR ${eq(trialRunId, runId)}`,
      )
      .go();
    return "trial";
  } catch {
    return "refused";
  }
}

/** Records a run's verdict on a model: a success closes its breaker, a failure extends the streak (and may open it). */
export async function record(
  runId: string,
  model: string,
  admission: Admission,
  verdict: Verdict,
  now = Date.now(),
) {
  if (verdict === "success" && admission !== "clean") await BreakerEntity().delete({ model }).go();
  else if (verdict === "failure") await fail(model, now);
  else if (verdict === "neutral" && admission === "trial") await releaseTrial(runId, model);
}

const unavailable = (retryAfter: number) =>
  new VisibleError(
    "agent.unavailable",
    `${UNAVAILABLE} Try again in ${retryAfter} s.`,
    503,
    undefined,
    retryAfter,
  );

async function read(model: string, now: number) {
  const { data } = await BreakerEntity().get({ model }).go();
  return data && isAlive(data, new Date(now)) ? { ...data, failures: data.failures ?? 0 } : undefined;
}

async function fail(model: string, now: number) {
  const { threshold, cooldownMs } = config().ai.breaker;
  const failures = await countFailure(model, epochSeconds(new Date(now + cooldownMs)) + MEMORY_SECONDS, now);
  if (failures < threshold) return;
  try {
    // Only the failure that finds the breaker closed (or its trial failed) opens it, so it opens once.
    await BreakerEntity()
      .patch({ model })
      .set({ openUntil: now + cooldownMs })
      .remove(["trialRunId", "trialUntil"])
      .where(({ openUntil }, { lt, notExists }) => `${notExists(openUntil)} OR ${lt(openUntil, now)}`)
      .go();
  } catch {
    return;
  }
  logger().warn("agent circuit breaker opened", { model, failures, cooldownMs });
  Metric.count("CircuitOpen");
}

/** Adds one to a live streak, or starts a new streak of one; returns the streak's length. */
async function countFailure(model: string, expiresAt: number, now: number): Promise<number> {
  try {
    const { data } = await BreakerEntity()
      .patch({ model })
      .add({ failures: 1 })
      .set({ expiresAt })
      .where((item, { gt }) => gt(item.expiresAt, epochSeconds(new Date(now))))
      .go({ response: "all_new" });
    return data.failures ?? 1;
  } catch {
    // No streak, or an expired one DynamoDB has not swept yet: it must not count.
    await BreakerEntity().put({ model, failures: 1, expiresAt }).go();
    return 1;
  }
}

/** A trial that was cancelled or never reached the provider proved nothing: the next run may try. */
async function releaseTrial(runId: string, model: string) {
  await BreakerEntity()
    .patch({ model })
    .remove(["trialRunId", "trialUntil"])
    .where(({ trialRunId }, { eq }) => eq(trialRunId, runId))
    .go()
    .catch(() => undefined);
}
