// Applies one agent answer's deltas strictly in seq order: buffers early ones, drops what it
// already has, rewinds when the server says so, and refetches the checkpoint to fill a gap.
export interface Checkpoint {
  content: string;
  lastSeq: number;
  done?: boolean;
}

export interface AnswerStream {
  delta(d: { seq: number; delta: string; done: boolean }): void;
  rewound(r: { seq: number; content: string }): void;
  /** Starts from a checkpoint (GET messages) and applies anything buffered after it. */
  checkpoint(c: Checkpoint): void;
  current(): Checkpoint;
}

export function createAnswerStream(options: {
  onChange: (state: Checkpoint) => void;
  /** Called when a gap persists; should GET the message and pass it to checkpoint(). */
  refetch?: () => void;
  gapTimeoutMs?: number;
  /** An unfinished answer silent this long is refetched: its last delta may have been missed. */
  idleTimeoutMs?: number;
}): AnswerStream {
  let content = "";
  let lastSeq = 0;
  let done = false;
  const pending = new Map<number, { delta: string; done: boolean }>();
  let gapTimer: ReturnType<typeof setTimeout> | undefined;
  let idleTimer: ReturnType<typeof setTimeout> | undefined;

  const drain = () => {
    for (let next = pending.get(lastSeq + 1); next; next = pending.get(lastSeq + 1)) {
      pending.delete(lastSeq + 1);
      content += next.delta;
      lastSeq += 1;
      done ||= next.done;
    }
    for (const seq of pending.keys()) if (seq <= lastSeq) pending.delete(seq);
    clearTimeout(gapTimer);
    gapTimer = undefined;
    if (pending.size > 0 && options.refetch)
      gapTimer = setTimeout(options.refetch, options.gapTimeoutMs ?? 400);
    clearTimeout(idleTimer);
    idleTimer = undefined;
    if (!done && options.refetch) idleTimer = setTimeout(options.refetch, options.idleTimeoutMs ?? 3000);
    options.onChange({ content, lastSeq, done });
  };

  return {
    delta(d) {
      if (d.seq <= lastSeq) return;
      pending.set(d.seq, { delta: d.delta, done: d.done });
      drain();
    },
    rewound(r) {
      content = r.content;
      lastSeq = r.seq;
      pending.clear();
      drain();
    },
    checkpoint(c) {
      if (c.lastSeq < lastSeq) return;
      content = c.content;
      lastSeq = c.lastSeq;
      done ||= Boolean(c.done);
      drain();
    },
    current: () => ({ content, lastSeq, done }),
  };
}
