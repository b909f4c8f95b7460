import { afterEach, describe, expect, it, vi } from "vitest";
import { WIRING } from "../testing/wiring";

const wiring = {
  ...WIRING,
  POWERTOOLS_METRICS_DISABLED: "false",
};

/** A fresh metrics module (and config) under the given environment. */
async function metricsWith(env: Record<string, string>) {
  vi.resetModules();
  for (const [name, value] of Object.entries({ ...wiring, ...env })) vi.stubEnv(name, value);
  return import(".");
}

afterEach(() => {
  vi.restoreAllMocks();
  vi.unstubAllEnvs();
});

/** EMF lines written to stdout while `action` runs. */
function emitted(action: () => void) {
  const lines: string[] = [];
  vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    lines.push(String(chunk));
    return true;
  });
  action();
  vi.restoreAllMocks();
  return lines.filter((l) => l.includes('"_aws"')).map((l) => JSON.parse(l));
}

describe("metrics in Embedded Metric Format", () => {
  it("flushes what a Lambda invocation recorded under the ReHome namespace", async () => {
    const { count, flush, milliseconds } = await metricsWith({ AWS_LAMBDA_FUNCTION_NAME: "ws-default" });
    const [line] = emitted(() => {
      count("SocketMessagesSent", 3);
      milliseconds("TokenLatencyMs", 12);
      milliseconds("TokenLatencyMs", 30);
      flush();
    });
    expect(line._aws.CloudWatchMetrics[0].Namespace).toBe("ReHome");
    expect(line.SocketMessagesSent).toBe(3);
    expect(line.TokenLatencyMs).toEqual([12, 30]);
  });

  it("writes a dimensioned metric at once and stays quiet when nothing was recorded", async () => {
    const { countBy, flush } = await metricsWith({ AWS_LAMBDA_FUNCTION_NAME: "agent-worker" });
    const lines = emitted(() => {
      countBy("AgentRuns", "Status", "completed");
      flush();
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ AgentRuns: 1, Status: "completed" });
  });

  it("prints nothing off Lambda unless LOG_LEVEL is DEBUG", async () => {
    const quiet = await metricsWith({ LOG_LEVEL: "INFO" });
    expect(emitted(() => (quiet.count("GoneConnectionsCleaned", 2), quiet.flush()))).toEqual([]);

    const debugging = await metricsWith({ LOG_LEVEL: "DEBUG" });
    const lines = emitted(() => (debugging.count("GoneConnectionsCleaned", 2), debugging.flush()));
    expect(lines[0]).toMatchObject({ GoneConnectionsCleaned: 2 });
  });
});
