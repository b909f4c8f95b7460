// Turns a token stream into few socket messages: at most one delta leaves per window (or sooner
// at a size limit), so a 1,000-token answer is not 1,000 PostToConnection calls. The first token
// after a quiet spell leaves at once; later ones wait for the next slot, never longer than the
// window. A delta never queues behind the one in flight: tokens keep gathering and leave
// together when it returns, so a slow publish makes deltas bigger instead of building a backlog.
export interface Coalescer {
  push(text: string): void;
  /** Sends whatever is buffered now; resolves when every flush so far has been sent. */
  drain(): Promise<void>;
}

export function coalesce(options: {
  /** 0: coalescing off, every push is its own delta (the original design, for the benchmark). */
  windowMs: number;
  maxChars: number;
  /** `waitedMs`: how long the oldest token of this batch waited before leaving. */
  flush: (text: string, waitedMs: number) => Promise<void>;
}): Coalescer {
  let buffer = "";
  let oldest = 0;
  let lastFlush = Number.NEGATIVE_INFINITY;
  let timer: NodeJS.Timeout | undefined;
  // Flushes run one after another so deltas leave in order.
  let sending = Promise.resolve();
  let unsent = 0;
  const arm = () => {
    if (timer || !buffer) return;
    timer = setTimeout(flushNow, Math.max(0, lastFlush + options.windowMs - performance.now()));
  };
  const flushNow = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!buffer || (unsent > 0 && options.windowMs > 0)) return;
    const text = buffer;
    const since = oldest;
    buffer = "";
    lastFlush = performance.now();
    unsent++;
    sending = sending
      .then(() => options.flush(text, performance.now() - since))
      .finally(() => {
        unsent--;
        arm();
      });
  };
  return {
    push(text) {
      if (!buffer) oldest = performance.now();
      buffer += text;
      if (buffer.length >= options.maxChars) flushNow();
      else arm();
    },
    async drain() {
      while (buffer || unsent > 0) {
        flushNow();
        await sending;
      }
    },
  };
}
