// Usage governance: fixed-window rate limits kept as DynamoDB counters with a TTL (what the
// original design kept in Redis keys).
export * as Usage from "./usage";
