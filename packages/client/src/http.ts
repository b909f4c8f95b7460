// The transport under the typed client: JSON in and out, the bearer token, and the API's one
// error shape turned into a throwable ApiError. Knows no endpoint.

/** Any failed call: the API's `{error: {code, message, requestId, details?}}`, or a network failure (status 0). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string,
    readonly details?: unknown,
    /** Seconds, from `Retry-After` on 429/503. */
    readonly retryAfter?: number,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface TransportOptions {
  /** "" means the page's own origin. */
  baseUrl: string;
  /** A fixed token, or a getter so a signed-in SPA always sends the current one. */
  token?: string | (() => string | undefined);
  fetch?: (url: string, init?: RequestInit) => Promise<Response>;
  /** Called on every 401 of a call that sent a token: the session ended or was revoked. */
  onUnauthorized?: (error: ApiError) => void;
}

interface ErrorShape {
  error?: { code?: string; message?: string; requestId?: string; details?: unknown };
}

export type Query = Record<string, string | number | boolean | undefined>;

export function createTransport(options: TransportOptions) {
  const doFetch = options.fetch ?? ((url: string, init?: RequestInit) => fetch(url, init));
  const tokenOf = typeof options.token === "function" ? options.token : () => options.token as string;

  return async function request<T>(method: string, path: string, body?: unknown, query?: Query): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json" };
    const token = tokenOf();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    let response: Response;
    try {
      response = await doFetch(`${options.baseUrl}${path}${search(query)}`, {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
      });
    } catch {
      throw new ApiError(0, "network_error", "Cannot reach ReHome. Check your connection.", "");
    }
    // 204 and some 202s have no body; the API never answers with anything but JSON otherwise.
    const text = await response.text().catch(() => "");
    const data = text ? parse(text) : undefined;
    if (response.ok) return data as T;
    const error = (data as ErrorShape | undefined)?.error;
    const retryAfter = Number(response.headers.get("Retry-After")) || undefined;
    const failure = new ApiError(
      response.status,
      error?.code ?? "http_error",
      error?.message ?? (response.statusText || `Request failed (${response.status}).`),
      error?.requestId ?? response.headers.get("X-Request-ID") ?? "",
      error?.details,
      retryAfter,
    );
    if (response.status === 401 && token) options.onUnauthorized?.(failure);
    throw failure;
  };
}

export type Request = ReturnType<typeof createTransport>;

function search(query: Query | undefined): string {
  const entries = Object.entries(query ?? {})
    .filter(([, value]) => value !== undefined && value !== "")
    .map(([key, value]): [string, string] => [key, String(value)]);
  return entries.length ? `?${new URLSearchParams(entries)}` : "";
}

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Ids are opaque: encode them so one can never reshape a path. */
export const seg = (id: string) => encodeURIComponent(id);
