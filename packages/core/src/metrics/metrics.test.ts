import { afterEach, describe, expect, it, vi } from "vitest";
import { count, countBy, flush, milliseconds } from ".";

afterEach(() => vi.restoreAllMocks());

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
  it("flushes what an invocation recorded under the ReHome namespace", () => {
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

  it("writes a dimensioned metric at once and stays quiet when nothing was recorded", () => {
    const lines = emitted(() => {
      countBy("AgentRuns", "Status", "completed");
      flush();
    });
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ AgentRuns: 1, Status: "completed" });
  });
});
