// Streaming an answer from the workspace's models (models.ts) in order: each model's circuit
// breaker admits it or not, and a model that fails after its own retries (or is overloaded, when
// a fallback follows) is counted as failing while the next one continues from what was already
// delivered. The worker and the digest writer both answer through here; it calls the providers,
// so only the agent worker's bundle holds it.
import { logger } from "../log";
import * as Metric from "../metrics";
import { type Admission, admit, record } from "./breaker";
import { providerFor } from "./providers/configured";
import type { Provider, ProviderRequest } from "./providers/provider";

/** Every model that could answer is behind an open circuit breaker. */
export class Refused extends Error {
  constructor() {
    super("every model's circuit breaker is open");
  }
}

/** The models left to try, the first of them admitted by its breaker. */
export interface Admitted {
  models: string[];
  admission: Admission;
}

/** Admits the first model whose breaker lets the run through; undefined while every one is open. */
export async function admitFirst(models: string[], runId: string): Promise<Admitted | undefined> {
  for (const [index, model] of models.entries()) {
    const admission = await admit(runId, model);
    if (admission !== "refused") return { models: models.slice(index), admission };
  }
  return undefined;
}

/** Where an answer stands: the model streaming now, and once done the one that answered. */
export interface Answering {
  model?: string;
  admission?: Admission;
  /** Set once a model is called. */
  provider?: Provider;
}

/**
 * Yields the answer's tokens from the admitted model, or from the next one the breakers admit once
 * it fails. Success, and the failure of a model followed by another, go to that model's breaker
 * here; when the last one fails or the request is aborted the error is thrown with `answering`
 * naming that model, and the caller gives its verdict (a cancel says nothing about the model, a
 * timeout does). Refused when the models left after a failure are all open.
 */
export async function* streamAnswer(
  admitted: Admitted,
  runId: string,
  request: ProviderRequest,
  answering: Answering,
  make: (model: string, failFastOnOverload: boolean) => Provider,
): AsyncGenerator<string> {
  const { models } = admitted;
  for (const [index, model] of models.entries()) {
    const admission = index === 0 ? admitted.admission : await admit(runId, model);
    if (admission === "refused") continue;
    const next = models[index + 1];
    const provider = make(model, next !== undefined);
    Object.assign(answering, { model, admission, provider });
    try {
      // The request's answer holds what the failed model delivered: the next one continues after it.
      yield* provider.stream(request);
      await record(runId, model, admission, "success");
      return;
    } catch (error) {
      if (request.signal.aborted || next === undefined) throw error;
      await record(runId, model, admission, "failure");
      logger().warn("model failed, the fallback answers", {
        runId,
        model,
        fallback: next,
        reason: String(error),
      });
      Metric.count("ModelFallbacks");
    }
  }
  throw new Refused();
}

/** The configured provider of each model, as the worker and digests use it. */
export const configuredMaker =
  (paced = true) =>
  (model: string, failFastOnOverload: boolean) =>
    providerFor(model, { paced, failFastOnOverload });
