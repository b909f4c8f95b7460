// A small JSON HTTP helper for the CLI that turns every failure into a readable CliError.
import { CliError } from "./output";

export async function request<T>(
  url: string,
  path: string,
  options: { method?: string; token?: string; body?: unknown } = {},
): Promise<T> {
  const headers: Record<string, string> = { Accept: "application/json" };
  if (options.token) headers.Authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["Content-Type"] = "application/json";
  let response: Response;
  try {
    response = await fetch(new URL(path, url), {
      method: options.method ?? "GET",
      headers,
      body: options.body === undefined ? undefined : JSON.stringify(options.body),
      signal: AbortSignal.timeout(15_000),
    });
  } catch (error) {
    throw new CliError(
      `cannot reach ${url} (${(error as Error).cause ?? (error as Error).message}). Is the stack running?`,
    );
  }
  const text = await response.text();
  const body = text ? safeJson(text) : undefined;
  if (!response.ok && !(path === "/health" && response.status === 503)) {
    const error = (body as { error?: { code: string; message: string; requestId: string } } | undefined)
      ?.error;
    throw new CliError(
      error
        ? `${options.method ?? "GET"} ${path} → ${response.status} ${error.code}: ${error.message} (requestId ${error.requestId})`
        : `${options.method ?? "GET"} ${path} → ${response.status}`,
    );
  }
  return body as T;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

/** A bearer token from --token, or from signing in with --email/--password. */
export async function signIn(url: string, options: { token?: string; email?: string; password?: string }) {
  if (options.token) return options.token;
  if (!options.email || !options.password) throw new CliError("give --token, or --email and --password");
  const { token } = await request<{ token: string }>(url, "/api/login", {
    method: "POST",
    body: { email: options.email, password: options.password },
  });
  return token;
}
