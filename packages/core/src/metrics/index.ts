// Product metrics in CloudWatch Embedded Metric Format (AWS Lambda Powertools), namespace
// "ReHome" — the names the dashboard and alarms in infra/ops.ts read. Handlers flush once per
// invocation. Off Lambda nothing is recorded unless LOG_LEVEL=DEBUG (config.emitMetrics), so the
// local console stays readable and long-lived processes never buffer metrics nobody flushes.
import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import { config } from "../config";
import { logger } from "../log";
import { once } from "../util";

export const NAMESPACE = "ReHome";
/** Powertools puts this `service` dimension on every metric; the dashboard must name it too. */
export const SERVICE = "rehome";

// Powertools' own warnings go through our logger, so LOG_LEVEL governs them too.
const metrics = once(() => new Metrics({ namespace: NAMESPACE, serviceName: SERVICE, logger: logger() }));
const enabled = once(() => config().emitMetrics);

export function count(name: string, value = 1) {
  if (value > 0 && enabled()) metrics().addMetric(name, MetricUnit.Count, value);
}

export function milliseconds(name: string, value: number) {
  if (enabled()) metrics().addMetric(name, MetricUnit.Milliseconds, value);
}

/** A metric with its own dimension (e.g. AgentRuns by Status), written at once. */
export function countBy(name: string, dimension: string, value: string, amount = 1) {
  if (!enabled()) return;
  const single = metrics().singleMetric();
  single.addDimension(dimension, value);
  single.addMetric(name, MetricUnit.Count, amount);
}

/** Writes what this invocation recorded; call once at its end. */
export function flush() {
  // Most WebSocket frames record nothing; an empty flush would only log a warning.
  if (enabled() && metrics().hasStoredMetrics()) metrics().publishStoredMetrics();
}

/** Wraps a Lambda handler so its metrics are flushed however it ends. */
export const withMetrics =
  <A extends unknown[], R>(handler: (...args: A) => Promise<R>) =>
  async (...args: A): Promise<R> => {
    try {
      return await handler(...args);
    } finally {
      flush();
    }
  };
