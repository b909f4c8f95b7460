import { describe, expect, it, vi } from "vitest";
import { createClient } from "./api";
import { ApiError } from "./http";

const reply = (status: number, body?: unknown, headers: Record<string, string> = {}) =>
  vi.fn(
    async (_url: string, _init?: RequestInit) =>
      new Response(body === undefined ? null : JSON.stringify(body), { status, headers }),
  );

describe("the typed HTTP client", () => {
  it("sends the current bearer token and JSON, and returns the parsed body", async () => {
    const fetch = reply(201, { id: "t1", title: "Tile" });
    let token = "a.1";
    const api = createClient({ baseUrl: "http://api", token: () => token, fetch });
    token = "b.2";
    const task = await api.tasks.create("p/1", { title: "Tile" });
    expect(task).toEqual({ id: "t1", title: "Tile" });
    const [url, init] = fetch.mock.calls[0] ?? [];
    expect(url).toBe("http://api/api/projects/p%2F1/tasks");
    expect(init?.method).toBe("POST");
    expect(init?.headers).toMatchObject({ Authorization: "Bearer b.2", "Content-Type": "application/json" });
    expect(init?.body).toBe(JSON.stringify({ title: "Tile" }));
  });

  it("throws the API's one error shape as an ApiError", async () => {
    const body = {
      error: { code: "rate_limited", message: "Slow down.", requestId: "req-1", details: [{ path: "x" }] },
    };
    const api = createClient({ baseUrl: "", fetch: reply(429, body, { "Retry-After": "12" }) });
    const error = await api.me().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({
      status: 429,
      code: "rate_limited",
      message: "Slow down.",
      requestId: "req-1",
      details: [{ path: "x" }],
      retryAfter: 12,
    });
  });

  it("tells the app when a signed-in call comes back 401", async () => {
    const onUnauthorized = vi.fn();
    const body = { error: { code: "unauthorized", message: "Sign in again.", requestId: "r" } };
    const api = createClient({ baseUrl: "", token: "old.token", fetch: reply(401, body), onUnauthorized });
    await expect(api.projects.list()).rejects.toMatchObject({ status: 401 });
    expect(onUnauthorized).toHaveBeenCalledOnce();
  });

  it("answers an empty 204 with undefined and puts paging in the query", async () => {
    const fetch = reply(204);
    const api = createClient({ baseUrl: "", fetch });
    await expect(api.tasks.remove("p1", "t1")).resolves.toBeUndefined();
    await api.projects.list({ cursor: "abc", limit: 10 });
    expect(fetch.mock.calls[1]?.[0]).toBe("/api/projects?cursor=abc&limit=10");
  });

  it("turns a network failure into an ApiError with status 0", async () => {
    const api = createClient({ baseUrl: "", fetch: () => Promise.reject(new TypeError("fetch failed")) });
    await expect(api.me()).rejects.toMatchObject({ status: 0, code: "network_error" });
  });
});
