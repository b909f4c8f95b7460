// AWS cost of answers from what one answer used, priced with bench/prices.ts. Lambda is billed
// per answer as if each answer were its own invocation (an upper bound: the event source batches
// up to 5 records into one invocation, which runs them side by side).
import type { Prices } from "../prices";

export interface AnswerUsage {
  workerSeconds: number;
  workerMemoryMb: number;
  workerInvocations: number;
  /** PostToConnection calls (each under 32 KB, so one metered message each). */
  socketMessages: number;
  connectionMinutes: number;
  readUnits: number;
  writeUnits: number;
  sqsRequests: number;
}

export type CostBreakdown = Record<"lambda" | "websocket" | "dynamodb" | "sqs" | "total", number>;

/** USD per 1,000 answers, by service. */
export function costPer1000Answers(usage: AnswerUsage, prices: Prices): CostBreakdown {
  const perMillion = (count: number, price: number) => (count * price) / 1e6;
  const lambda =
    usage.workerSeconds * (usage.workerMemoryMb / 1024) * prices.lambda.perGbSecond +
    perMillion(usage.workerInvocations, prices.lambda.perMillionRequests);
  const websocket =
    perMillion(usage.socketMessages, prices.apiGatewayWebSocket.perMillionMessages) +
    perMillion(usage.connectionMinutes, prices.apiGatewayWebSocket.perMillionConnectionMinutes);
  const dynamodb =
    perMillion(usage.readUnits, prices.dynamodbOnDemand.perMillionReadUnits) +
    perMillion(usage.writeUnits, prices.dynamodbOnDemand.perMillionWriteUnits);
  const sqs = perMillion(usage.sqsRequests, prices.sqs.perMillionRequests);
  const per1000 = (usd: number) => usd * 1000;
  return {
    lambda: per1000(lambda),
    websocket: per1000(websocket),
    dynamodb: per1000(dynamodb),
    sqs: per1000(sqs),
    total: per1000(lambda + websocket + dynamodb + sqs),
  };
}
