// Small helpers every module needs; nothing domain-specific lives here.
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { monotonicFactory } from "ulid";

/** Memoizes a factory: clients and entities are built on first use, after config is in place. */
export const once = <T>(make: () => T) => {
  let value: T | undefined;
  return () => {
    value ??= make();
    return value;
  };
};

const nextUlid = monotonicFactory();

/**
 * Opaque, time-ordered ids: sorting by id sorts by creation. Monotonic, so ids made in the same
 * millisecond by this process still sort in the order they were made (a question before its answer).
 */
export const createId = () => nextUlid().toLowerCase();

export const sha256 = (value: string) => createHash("sha256").update(value).digest("hex");

/** A url-safe random secret of the given number of bytes. */
export const randomSecret = (bytes = 32) => randomBytes(bytes).toString("base64url");

export const safeEqual = (a: string, b: string) => {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
};

export const nowIso = () => new Date().toISOString();

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
