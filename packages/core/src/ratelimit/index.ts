// General HTTP rate limits: per bearer token, per client IP when anonymous, and a tighter
// per-IP budget for endpoints that take credentials. 429 + Retry-After when over.
export * as RateLimit from "./ratelimit";
