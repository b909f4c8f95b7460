// Errors a user may see: a stable code, a message fit for the UI, and the HTTP status.
// Anything that is not a VisibleError is reported as a generic 500 with only the request id.
export type ErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 503;

export class VisibleError extends Error {
  constructor(
    readonly code: string,
    message: string,
    readonly status: ErrorStatus = 400,
    readonly details?: unknown,
    /** Seconds, for 429/503: sent as Retry-After. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "VisibleError";
  }
}

export const notFound = (what = "resource") =>
  new VisibleError("not_found", `The ${what} was not found.`, 404);
export const forbidden = (message = "You are not allowed to do that.") =>
  new VisibleError("forbidden", message, 403);
export const unauthorized = (message = "Sign in to continue.") =>
  new VisibleError("unauthorized", message, 401);
export const conflict = (code: string, message: string) => new VisibleError(code, message, 409);
export const tooManyRequests = (message: string, retryAfter: number) =>
  new VisibleError("rate_limited", message, 429, undefined, retryAfter);

/**
 * The VisibleError `work` refuses with, or undefined when it goes through; any other failure is
 * thrown on. For callers that answer a refusal themselves: a socket's reply, a throttle that sends
 * nothing.
 */
export async function refusalOf(work: () => unknown): Promise<VisibleError | undefined> {
  try {
    await work();
    return undefined;
  } catch (error) {
    if (error instanceof VisibleError) return error;
    throw error;
  }
}

/** The one JSON error shape every endpoint returns. */
export interface ErrorBody {
  error: { code: string; message: string; requestId: string; details?: unknown };
}
