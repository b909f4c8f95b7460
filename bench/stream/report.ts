// The stream benchmark's printed table: one column per variant, the ratio baseline / design
// point, and the issue's targets checked against the variants that run the configured defaults.
import type { runWorkerAlone } from "./alone";
import type { Summary } from "./summary";

interface Row {
  label: string;
  value: (s: Summary) => number | string;
  /** The issue's upper bound for the variants that run the configured defaults. */
  target?: number;
}

const ROWS: Row[] = [
  { label: "streams x readers", value: (s) => `${s.streams} x ${s.readers / s.streams}` },
  {
    label: "readers with whole, ordered answer",
    value: (s) => `${s.readersWithWholeOrderedAnswer}/${s.readers}`,
  },
  { label: "chunks per delta (setting)", value: (s) => s.tokensPerDelta },
  { label: "p95 floor of the setting (ms)", value: (s) => s.latencyFloorMs },
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
  { label: "stack event-loop delay p99 (ms)", value: (s) => s.stackEventLoopDelayP99Ms },
  { label: "readers process CPU (cores)", value: (s) => s.cpuCores.readers },
  { label: "cost / 1,000 answers (USD)", value: (s) => s.costPer1000AnswersUsd.total },
  { label: "  of which Lambda", value: (s) => s.costPer1000AnswersUsd.lambda },
  { label: "  of which WebSocket API", value: (s) => s.costPer1000AnswersUsd.websocket },
  { label: "  of which DynamoDB", value: (s) => s.costPer1000AnswersUsd.dynamodb },
  { label: "  of which SQS", value: (s) => s.costPer1000AnswersUsd.sqs },
];

/** Ratios `of` / `over` of every numeric row, keyed by label. */
export function ratios(of: Summary, over: Summary): Record<string, number> {
  return Object.fromEntries(
    ROWS.flatMap(({ label, value }) => {
      const [a, b] = [value(over), value(of)];
      return typeof a === "number" && typeof b === "number" && a !== 0 ? [[label.trim(), round(b / a)]] : [];
    }),
  );
}

/** Each target, checked against each of `judged`: label -> {target, variant -> {measured, met}}. */
export function targets(judged: Summary[]) {
  return Object.fromEntries(
    ROWS.flatMap(({ label, value, target }) =>
      target === undefined
        ? []
        : [
            [
              label,
              {
                target,
                ...Object.fromEntries(
                  judged.map((s) => {
                    const measured = value(s);
                    const met = typeof measured === "number" && measured <= target;
                    return [
                      s.variant,
                      { measured: typeof measured === "number" ? round(measured) : measured, met },
                    ];
                  }),
                ),
              },
            ],
          ],
    ),
  );
}

/** One column per variant, then `of` / `over` when given. */
export function table(columns: Summary[], ratio?: { of: Summary; over: Summary }): string {
  const header = [
    "",
    ...columns.map((c) => c.variant),
    ...(ratio ? [`${ratio.of.variant} / ${ratio.over.variant}`] : []),
    "target",
  ];
  const lines = ROWS.map(({ label, value, target }) => {
    const cells = [label, ...columns.map((c) => show(value(c)))];
    if (ratio) {
      const [a, b] = [value(ratio.over), value(ratio.of)];
      cells.push(typeof a === "number" && typeof b === "number" && a !== 0 ? `${show(b / a)}x` : "");
    }
    cells.push(target === undefined ? "" : `<= ${target}`);
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

/** The targets as lines: each judged variant's value, met or MISSED. */
export function verdicts(judged: Summary[]): string {
  return Object.entries(targets(judged))
    .map(([label, { target, ...by }]) => {
      const results = Object.entries(by as Record<string, { measured: unknown; met: boolean }>)
        .map(([variant, r]) => `${variant} ${r.measured} ${r.met ? "met" : "MISSED"}`)
        .join("; ");
      return `  ${label} <= ${target}: ${results}`;
    })
    .join("\n");
}

const round = (n: number) => Math.round(n * 1000) / 1000;

function show(value: number | string): string {
  if (typeof value === "string") return value;
  if (!Number.isFinite(value)) return "n/a";
  return Math.abs(value) >= 100 ? value.toFixed(0) : String(Number(value.toPrecision(3)));
}

/** Goal per additional concurrent stream: 1,000 streams' state in 100 MB. */
const KB_PER_STREAM_GOAL = 100;

export const ALONE_METHOD =
  "The agent-worker deploy bundle (its heap set small as deployed, packages/functions/src/agent/small-heap.ts) in a Node " +
  "process of its own (--expose-gc), the stack and readers in others; the process runs JavaScript only (its harness " +
  "bundled too), so Node loads the bundle as Lambda's runtime does, untouched by the benchmark's TypeScript loader. " +
  "Resident MB: the whole process while every stream was live. " +
  "Each batch of runs is one SQS event, every stream at once, answered by a fresh process after one warm-up " +
  "answer (a new sandbox's first, reported apart); every batch size runs in five rounds and the figures are " +
  "the medians. CPU: the process's user + system time over the batch, per answer. Memory over the idle, warmed " +
  "process's, per stream: the resident set (median of the middle half of the batch) and the live heap + " +
  "external memory (the median of five weighings, each after a garbage collection, at 30 to 70% of the " +
  "answer); marginal = the slope between the two largest batches, per round, then the median. One process " +
  "holds many more streams than a Lambda invocation (2): at the largest batch its SDK clients' 50 sockets are " +
  "busy and posts wait their turn (as payloads, not as SDK requests).";

export function aloneTable({ batches, marginal }: Awaited<ReturnType<typeof runWorkerAlone>>) {
  const lines = [
    "Worker alone (own process, agent-worker bundle):",
    `  ${"streams".padEnd(16)}  CPU ms / 1,000-token answer  resident MB  RSS KB / stream  live KB / stream  wall s`,
    ...batches.map(
      (b) =>
        `  ${`${b.streams}${b.warmUp ? " (first answer)" : ""}`.padEnd(16)}  ${String(b.cpuMsPerAnswer).padStart(27)}  ${String(b.residentMb).padStart(11)}  ${String(b.rssKbPerStream).padStart(15)}  ${String(b.liveKbPerStream).padStart(16)}  ${String(b.wallSeconds).padStart(6)}`,
    ),
  ];
  if (marginal) {
    const met = marginal.rssKbPerStream <= KB_PER_STREAM_GOAL ? "meets" : "misses";
    lines.push(
      `  each additional stream (${marginal.between.join(" -> ")}): ${marginal.rssKbPerStream} KB resident, ${marginal.liveKbPerStream} KB live; ${met} the goal of <= ${KB_PER_STREAM_GOAL} KB`,
      `  rounds, resident / live KB: ${marginal.rounds.map((r) => `${r.rssKbPerStream} / ${r.liveKbPerStream}`).join(", ")}`,
    );
  }
  return lines.join("\n");
}
