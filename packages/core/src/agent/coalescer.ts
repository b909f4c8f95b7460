// Turns a token stream into few socket messages: tokens gather for a short window (or until a
// size limit) and leave as one delta, so a 1,000-token answer is not 1,000 PostToConnection calls.
export interface Coalescer {
  push(text: string): void;
  /** Sends whatever is buffered now; resolves when every flush so far has been sent. */
  drain(): Promise<void>;
}

export function coalesce(options: {
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
  const flushNow = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!buffer) return;
    const text = buffer;
    const since = oldest;
    buffer = "";
    sending = sending.then(() => options.flush(text, performance.now() - since));
  };
  return {
    push(text) {
      if (!buffer) oldest = performance.now();
      buffer += text;
      if (buffer.length >= options.maxChars) flushNow();
      else timer ??= setTimeout(flushNow, options.windowMs);
    },
    async drain() {
      flushNow();
      await sending;
    },
  };
}
