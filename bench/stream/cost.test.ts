import { describe, expect, it } from "vitest";
import { PRICES } from "../prices";
import { type AnswerUsage, costPer1000Answers } from "./cost";

const nothing: AnswerUsage = {
  workerSeconds: 0,
  workerMemoryMb: 1024,
  workerInvocations: 0,
  socketMessages: 0,
  connectionMinutes: 0,
  readUnits: 0,
  writeUnits: 0,
  sqsRequests: 0,
};

describe("cost per 1,000 answers", () => {
  it("prices a GB-second of the worker at the Lambda rate, scaled by its memory", () => {
    const cost = costPer1000Answers({ ...nothing, workerSeconds: 10, workerMemoryMb: 512 }, PRICES);
    expect(cost.lambda).toBeCloseTo(1000 * 10 * 0.5 * PRICES.lambda.perGbSecond, 10);
  });

  it("prices socket messages, connection minutes, request units and SQS calls per million", () => {
    const cost = costPer1000Answers(
      {
        ...nothing,
        socketMessages: 1000,
        connectionMinutes: 1000,
        readUnits: 1000,
        writeUnits: 1000,
        sqsRequests: 1000,
      },
      PRICES,
    );
    // 1,000 answers x 1,000 of each = one million of each.
    expect(cost.websocket).toBeCloseTo(
      PRICES.apiGatewayWebSocket.perMillionMessages + PRICES.apiGatewayWebSocket.perMillionConnectionMinutes,
      10,
    );
    expect(cost.dynamodb).toBeCloseTo(
      PRICES.dynamodbOnDemand.perMillionReadUnits + PRICES.dynamodbOnDemand.perMillionWriteUnits,
      10,
    );
    expect(cost.sqs).toBeCloseTo(PRICES.sqs.perMillionRequests, 10);
  });

  it("totals the services it breaks down", () => {
    const cost = costPer1000Answers(
      {
        ...nothing,
        workerSeconds: 12,
        workerInvocations: 1,
        socketMessages: 200,
        readUnits: 50,
        writeUnits: 25,
        sqsRequests: 3,
      },
      PRICES,
    );
    expect(cost.total).toBeCloseTo(cost.lambda + cost.websocket + cost.dynamodb + cost.sqs, 12);
  });
});
