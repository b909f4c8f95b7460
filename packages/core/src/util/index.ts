// Small helpers every module needs; nothing domain-specific lives here.
import { createHash, randomBytes, randomFillSync, timingSafeEqual } from "node:crypto";
import { monotonicFactory } from "ulid";
import * as z from "zod";

/** Memoizes a factory: clients and entities are built on first use, after config is in place. */
export const once = <T>(make: () => T) => {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
};

/**
 * Random bytes drawn 4 KB at a time: ulid's own generator calls getRandomValues once per
 * character, which was a share of a streaming worker's CPU (every event has an id).
 */
const pooledRandom = () => {
  const pool = Buffer.alloc(4096);
  let next = pool.length;
  return () => {
    if (next === pool.length) {
      randomFillSync(pool);
      next = 0;
    }
    return (pool[next++] as number) / 256;
  };
};

const nextUlid = monotonicFactory(pooledRandom());

/**
 * Opaque, time-ordered ids: sorting by id sorts by creation. Monotonic, so ids made in the same
 * millisecond by this process still sort in the order they were made (a question before its answer).
 */
export const createId = () => nextUlid().toLowerCase();

/**
 * An id as given back to the product: createId's, in lower case. ElectroDB lower-cases key values,
 * so an upper-case spelling would still find the item, and a write would then store its key
 * attributes in that spelling, which no exact comparison (members, authors, owners) matches again.
 */
export const Id = z.string().regex(/^[a-z0-9_-]{1,64}$/, "Not a valid id.");

export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** A url-safe random secret of the given number of bytes. */
export const randomSecret = (bytes = 32) => randomBytes(bytes).toString("base64url");

export const safeEqual = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

export const nowIso = () => new Date().toISOString();

/**
 * Runs at most `limit` tasks at once; the rest wait their turn, in order. A freed slot passes
 * straight to the next in line.
 */
export function limiter(limit: number) {
  let running = 0;
  const waiting: (() => void)[] = [];
  return async <T>(task: () => Promise<T>): Promise<T> => {
    if (running < limit) running++;
    else await new Promise<void>((resolve) => waiting.push(resolve));
    try {
      return await task();
    } finally {
      const next = waiting.shift();
      if (next) next();
      else running--;
    }
  };
}

/** Waits `ms`, or rejects with the signal's reason as soon as it aborts. */
export const sleep = (ms: number, signal: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    signal.addEventListener("abort", onAbort, { once: true });
  });
