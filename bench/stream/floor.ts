// The lowest p95 token-to-client latency a coalescer setting can reach, before any processing:
// tokens arrive evenly, a delta of n chunks makes its first token wait n - 1 gaps (its last
// none), and every delta then spends the gateway's latency. A mean of k + f chunks per delta
// mixes deltas of k and k + 1, so a wait of j gaps (j < k) is held by one token of every delta
// (a share of 1 / mean), and a wait of k gaps by one token of each larger delta (f / mean).
// At 4.05 per delta and 80 tokens/s that is 3 gaps, 37.5 ms, plus 20 ms: 57.5 ms. No schedule
// does better at 4 or more tokens per delta: at least a quarter of the tokens are third or
// earlier from their delta's end, and each of those waits 3 gaps.

/** p95 wait in the coalescer plus the gateway latency, in ms. */
export function latencyFloorMs(tokensPerDelta: number, tokensPerSec: number, gatewayLatencyMs: number) {
  const gapMs = 1000 / tokensPerSec;
  const whole = Math.floor(tokensPerDelta);
  const larger = tokensPerDelta - whole;
  // The smallest wait j (in gaps) that at most 5% of tokens exceed: (whole - j - 1 + larger) / mean <= 0.05.
  const gaps = Math.max(0, Math.ceil(whole - 1 + larger - 0.05 * tokensPerDelta - 1e-9));
  return gaps * gapMs + gatewayLatencyMs;
}
