// Turns a token stream into few socket messages, so a 1,000-token answer is not 1,000
// PostToConnection calls. A delta leaves as soon as it holds its share of provider chunks (on
// average `tokensPerDelta`), or reaches the size limit, or its oldest token has waited
// `windowMs`. Counting chunks instead of waiting for a clock keeps each token's wait tied to the
// stream's own pace: at 80 tokens/s and 4 per delta no token waits more than 37.5 ms, where a
// timer window of the same message count lets the unlucky token wait the whole 50 ms.
// A delta never queues behind the one in flight: tokens keep gathering and leave together when
// it returns, so a slow publish makes deltas bigger instead of building a backlog.
export interface Coalescer {
  push(text: string): void;
  /** Sends whatever is buffered now; resolves when every flush so far has been sent. */
  drain(): Promise<void>;
}

export interface CoalesceOptions {
  /** Longest a token waits for company. 0: coalescing off, every push is its own delta (the
   * original design, for the benchmark). */
  windowMs: number;
  /** Mean provider chunks per delta; a fractional part mixes sizes (4.05: one delta of 5 in 20). */
  tokensPerDelta: number;
  maxChars: number;
  /** `waitedMs`: how long the oldest token of this batch waited before leaving. */
  flush: (text: string, waitedMs: number) => Promise<void>;
}

export function coalesce(options: CoalesceOptions): Coalescer {
  let buffer = "";
  let chunks = 0;
  let oldest = 0;
  // The fractional share carried from one counted delta to the next, in (-1, 0].
  let carry = 0;
  let timer: NodeJS.Timeout | undefined;
  // Flushes run one after another so deltas leave in order.
  let sending = Promise.resolve();
  let inFlight = false;
  const quota = () => options.tokensPerDelta + carry;
  const due = () =>
    options.windowMs === 0 ||
    chunks >= quota() ||
    buffer.length >= options.maxChars ||
    performance.now() - oldest >= options.windowMs;

  const send = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!buffer || (inFlight && options.windowMs > 0)) return;
    const text = buffer;
    const since = oldest;
    // Only a delta closed by its count keeps the fraction: a timed-out or oversized one restarts it.
    carry = chunks >= quota() ? Math.max(-1, Math.min(0, quota() - chunks)) : 0;
    buffer = "";
    chunks = 0;
    inFlight = true;
    sending = sending
      .then(() => options.flush(text, performance.now() - since))
      .finally(() => {
        inFlight = false;
        if (!buffer) return;
        if (due()) send();
        else arm();
      });
  };
  const arm = () => {
    if (timer) return;
    timer = setTimeout(send, Math.max(0, oldest + options.windowMs - performance.now()));
  };
  return {
    push(text) {
      if (!buffer) oldest = performance.now();
      buffer += text;
      chunks++;
      if (due()) send();
      else arm();
    },
    async drain() {
      while (buffer || inFlight) {
        send();
        await sending;
      }
    },
  };
}
