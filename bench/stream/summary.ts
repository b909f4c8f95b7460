// Turns what one variant measured into the benchmark's figures: latency percentiles, socket
// messages per 1,000 tokens, AWS calls per answer, worker wall time and the cost they add up to.
import { WORKER_MEMORY_MB } from "../../infra/agent";
import { PRICES } from "../prices";
import { type AnswerUsage, costPer1000Answers } from "./cost";
import { isDynamoRead, type Tally } from "./counters";
import { latencyFloorMs } from "./floor";
import { distribution, mean } from "./stats";
import type { Measured } from "./variant";

export type Summary = ReturnType<typeof summarize>;

export function summarize(m: Measured) {
  const answers = m.timings.length;
  // A window of 0 sends every token alone, whatever the count says.
  const tokensPerDelta = m.stream.coalesceMs === 0 ? 1 : m.stream.coalesceTokens;
  const perAnswer = (n: number) => n / answers;
  const dynamodb = m.counted.dynamodb ?? {};
  const side = (read: boolean) =>
    Object.entries(dynamodb).filter(([operation]) => isDynamoRead(operation) === read);
  const total = (entries: [string, Tally[string]][], key: "calls" | "units") =>
    entries.reduce((sum, [, t]) => sum + t[key], 0);
  const sqsCalls = callsOf(m.counted.sqs) + callsOf(m.counted.eventSource);
  const workerSeconds = m.timings.flatMap((t) =>
    t.startedAt && t.finishedAt ? [(Date.parse(t.finishedAt) - Date.parse(t.startedAt)) / 1000] : [],
  );
  const usage: AnswerUsage = {
    workerSeconds: mean(workerSeconds),
    workerMemoryMb: WORKER_MEMORY_MB,
    workerInvocations: 1,
    socketMessages: perAnswer(m.counted.websocket?.PostToConnection?.calls ?? 0),
    connectionMinutes: (m.settings.readersPerStream * mean(workerSeconds)) / 60,
    readUnits: perAnswer(total(side(true), "units")),
    writeUnits: perAnswer(total(side(false), "units")),
    sqsRequests: perAnswer(sqsCalls),
  };
  const intact = m.readers.filter(
    (r) =>
      r.outcome === "completed" &&
      r.dones === 1 &&
      r.tokens === m.settings.tokens &&
      r.seqs.every((seq, i) => seq === i + 1),
  );
  return {
    variant: m.variant.name,
    about: m.variant.about,
    streams: m.variant.streams,
    streamEnv: m.variant.env,
    tokensPerDelta,
    answersCompleted: m.timings.filter((t) => t.status === "completed").length,
    readers: m.readers.length,
    readersWithWholeOrderedAnswer: intact.length,
    latencyMs: round(distribution(m.latencies), 1),
    latencyFloorMs: latencyFloorMs(tokensPerDelta, m.settings.tokensPerSec, m.settings.gatewayLatencyMs),
    socketMessagesPer1000TokensPerReader: mean(m.readers.map((r) => (r.frames / r.tokens) * 1000)),
    postToConnectionPerAnswer: usage.socketMessages,
    dynamodb: {
      readsPerAnswer: perAnswer(total(side(true), "calls")),
      writesPerAnswer: perAnswer(total(side(false), "calls")),
      readUnitsPerAnswer: usage.readUnits,
      writeUnitsPerAnswer: usage.writeUnits,
      callsPerAnswerByOperation: perOperation(dynamodb, answers),
    },
    sqs: {
      callsPerAnswer: usage.sqsRequests,
      callsPerAnswerByOperation: {
        ...perOperation(m.counted.sqs ?? {}, answers),
        ...prefixed("eventSource.", perOperation(m.counted.eventSource ?? {}, answers)),
      },
    },
    meanCallMs: {
      dynamodb: meanMs(Object.values(dynamodb)),
      postToConnection: meanMs(Object.values(m.counted.websocket ?? {})),
    },
    workerSeconds: round(distribution(workerSeconds), 2),
    elapsedSeconds: m.elapsedMs / 1000,
    cpuCores: round(m.cpuShare, 2),
    stackEventLoopDelayP99Ms: Math.round(m.eventLoopDelayP99Ms),
    costPer1000AnswersUsd: round(costPer1000Answers(usage, PRICES), 4),
  };
}

const callsOf = (tally: Tally | undefined) => Object.values(tally ?? {}).reduce((sum, t) => sum + t.calls, 0);

const meanMs = (entries: { calls: number; ms: number }[]) =>
  entries.reduce((sum, t) => sum + t.ms, 0) / (entries.reduce((sum, t) => sum + t.calls, 0) || Number.NaN);

const perOperation = (tally: Tally, answers: number) =>
  Object.fromEntries(Object.entries(tally).map(([operation, t]) => [operation, t.calls / answers]));

const prefixed = (prefix: string, values: Record<string, number>) =>
  Object.fromEntries(Object.entries(values).map(([k, v]) => [`${prefix}${k}`, v]));

function round<T extends object>(values: T, digits: number): T {
  const factor = 10 ** digits;
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, typeof v === "number" ? Math.round(v * factor) / factor : v]),
  ) as T;
}
