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
  flush: (text: string) => Promise<void>;
}): Coalescer {
  let buffer = "";
  let timer: NodeJS.Timeout | undefined;
  // Flushes run one after another so deltas leave in order.
  let sending = Promise.resolve();
  const flushNow = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    if (!buffer) return;
    const text = buffer;
    buffer = "";
    sending = sending.then(() => options.flush(text));
  };
  return {
    push(text) {
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
