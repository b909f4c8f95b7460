// Product metrics in CloudWatch Embedded Metric Format (AWS Lambda Powertools), namespace
// "ReHome" — the names the dashboard and alarms in infra/ops.ts read. Handlers flush once
// per invocation; the local runtime turns EMF off (POWERTOOLS_METRICS_DISABLED) to keep its
// console readable.
import { Metrics, MetricUnit } from "@aws-lambda-powertools/metrics";
import { once } from "../util";

export const NAMESPACE = "ReHome";

const metrics = once(() => new Metrics({ namespace: NAMESPACE, serviceName: "rehome" }));

export function count(name: string, value = 1) {
  if (value > 0) metrics().addMetric(name, MetricUnit.Count, value);
}

export function milliseconds(name: string, value: number) {
  metrics().addMetric(name, MetricUnit.Milliseconds, value);
}

/** A metric with its own dimension (e.g. AgentRuns by Status), written at once. */
export function countBy(name: string, dimension: string, value: string, amount = 1) {
  const single = metrics().singleMetric();
  single.addDimension(dimension, value);
  single.addMetric(name, MetricUnit.Count, amount);
}

/** Writes what this invocation recorded; call once at its end. */
export function flush() {
  // Most WebSocket frames record nothing; an empty flush would only log a warning.
  if (metrics().hasStoredMetrics()) metrics().publishStoredMetrics();
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
