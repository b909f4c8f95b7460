// The stream benchmark's printed table: one column per variant, the ratio baseline / coalesced,
// and the targets checked against the coalesced variant.
import type { Summary } from "./summary";

interface Row {
  label: string;
  value: (s: Summary) => number | string;
  /** Upper bound the coalesced variant must stay within. */
  target?: number;
}

const ROWS: Row[] = [
  { label: "streams x readers", value: (s) => `${s.streams} x ${s.readers / s.streams}` },
  {
    label: "readers with whole, ordered answer",
    value: (s) => `${s.readersWithWholeOrderedAnswer}/${s.readers}`,
  },
  { label: "token-to-client latency p50 (ms)", value: (s) => s.latencyMs.p50 },
  { label: "token-to-client latency p95 (ms)", value: (s) => s.latencyMs.p95, target: 60 },
  { label: "token-to-client latency p99 (ms)", value: (s) => s.latencyMs.p99 },
  {
    label: "socket messages / 1,000 tokens / reader",
    value: (s) => s.socketMessagesPer1000TokensPerReader,
    target: 250,
  },
  { label: "PostToConnection calls / answer", value: (s) => s.postToConnectionPerAnswer },
  { label: "DynamoDB reads / answer", value: (s) => s.dynamodb.readsPerAnswer },
  { label: "DynamoDB writes / answer", value: (s) => s.dynamodb.writesPerAnswer, target: 25 },
  { label: "DynamoDB read units / answer", value: (s) => s.dynamodb.readUnitsPerAnswer },
  { label: "DynamoDB write units / answer", value: (s) => s.dynamodb.writeUnitsPerAnswer },
  { label: "SQS calls / answer", value: (s) => s.sqs.callsPerAnswer },
  { label: "worker wall time / answer p50 (s)", value: (s) => s.workerSeconds.p50 },
  { label: "DynamoDB call, mean (ms)", value: (s) => s.meanCallMs.dynamodb },
  { label: "PostToConnection call, mean (ms)", value: (s) => s.meanCallMs.postToConnection },
  { label: "stack process CPU (cores)", value: (s) => s.cpuCores.stack },
  { label: "readers process CPU (cores)", value: (s) => s.cpuCores.readers },
  { label: "cost / 1,000 answers (USD)", value: (s) => s.costPer1000AnswersUsd.total },
  { label: "  of which Lambda", value: (s) => s.costPer1000AnswersUsd.lambda },
  { label: "  of which WebSocket API", value: (s) => s.costPer1000AnswersUsd.websocket },
  { label: "  of which DynamoDB", value: (s) => s.costPer1000AnswersUsd.dynamodb },
  { label: "  of which SQS", value: (s) => s.costPer1000AnswersUsd.sqs },
];

/** Ratios baseline / coalesced of every numeric row, keyed by label. */
export function ratios(coalesced: Summary, baseline: Summary): Record<string, number> {
  return Object.fromEntries(
    ROWS.flatMap(({ label, value }) => {
      const [a, b] = [value(coalesced), value(baseline)];
      return typeof a === "number" && typeof b === "number" && a !== 0 ? [[label.trim(), round(b / a)]] : [];
    }),
  );
}

/** Targets of the coalesced variant: label -> {target, measured, met}. */
export function targets(coalesced: Summary) {
  return Object.fromEntries(
    ROWS.flatMap(({ label, value, target }) => {
      const measured = value(coalesced);
      return target === undefined || typeof measured !== "number"
        ? []
        : [[label, { target, measured: round(measured), met: measured <= target }]];
    }),
  );
}

export function table(coalesced: Summary, baseline?: Summary): string {
  const header = [
    "",
    coalesced.variant,
    ...(baseline ? [baseline.variant, "baseline/coalesced"] : []),
    "target",
  ];
  const lines = ROWS.map(({ label, value, target }) => {
    const a = value(coalesced);
    const cells = [label, show(a)];
    if (baseline) {
      const b = value(baseline);
      cells.push(show(b), typeof a === "number" && typeof b === "number" && a !== 0 ? `${show(b / a)}x` : "");
    }
    cells.push(
      target === undefined ? "" : `<= ${target} ${typeof a === "number" && a <= target ? "met" : "MISSED"}`,
    );
    return cells;
  });
  const widths = header.map((_, i) =>
    Math.max(...[header, ...lines].map((cells) => (cells[i] ?? "").length)),
  );
  const format = (cells: string[]) =>
    cells
      .map((cell, i) => (i === 0 ? cell.padEnd(widths[i] ?? 0) : cell.padStart(widths[i] ?? 0)))
      .join("  ");
  return [format(header), ...lines.map(format)].join("\n");
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function show(value: number | string): string {
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "n/a";
  return Math.abs(value) >= 100 ? value.toFixed(0) : String(Number(value.toPrecision(3)));
}
