// General HTTP rate limits: per bearer token, per client IP when anonymous or when a bearer token
// fails, and a tighter per-IP budget for endpoints that take credentials (429 + Retry-After when
// over); and the per-person throttle of password-reset emails.
export * as RateLimit from "./ratelimit";
