// The AWS price table of the stream benchmark's cost figures: list prices in USD for
// us-east-1 as known when this file was last edited (typed in, never fetched at run time).
// They change: check the AWS pricing pages before quoting a cost, and update asOf with them.
export const PRICES = {
  region: "us-east-1",
  asOf: "2025-06 (DynamoDB on-demand after its 2024-11-01 price cut)",
  note: "AWS list prices as known, not fetched; free tiers ignored",
  lambda: {
    /** arm64, as infra/functions.ts builds every function. */
    perGbSecond: 0.0000133334,
    perMillionRequests: 0.2,
  },
  apiGatewayWebSocket: {
    /** Metered in 32 KB units, both directions; first billion a month. */
    perMillionMessages: 1.0,
    perMillionConnectionMinutes: 0.25,
  },
  dynamodbOnDemand: {
    perMillionWriteUnits: 0.625,
    perMillionReadUnits: 0.125,
  },
  sqs: {
    /** Standard queue, each 64 KB chunk of a request counts as one. */
    perMillionRequests: 0.4,
  },
} as const;

export type Prices = typeof PRICES;
