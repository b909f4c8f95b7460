// Turns a token stream into few socket messages: tokens gather for a short window (or until a
// size limit) and leave as one delta, so a 1,000-token answer is not 1,000 PostToConnection calls.
// A delta never queues behind the one in flight: tokens keep gathering and leave together when
// it returns, so a slow publish makes deltas bigger instead of building a backlog.
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
  let timer: NodeJS.Timeout | undefined;
  // Flushes run one after another so deltas leave in order.
  let sending = Promise.resolve();
  let unsent = 0;
  const arm = () => {
    timer ??= setTimeout(flushNow, Math.max(0, options.windowMs - (performance.now() - oldest)));
  };
  const flushNow = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!buffer || (unsent > 0 && options.windowMs > 0)) return;
    const text = buffer;
    const since = oldest;
    buffer = "";
    unsent++;
    sending = sending
      .then(() => options.flush(text, performance.now() - since))
      .finally(() => {
        unsent--;
        if (buffer) arm();
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
