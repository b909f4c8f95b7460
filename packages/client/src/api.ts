// The typed HTTP client of the ReHome API, for the SPA, the CLI and tests. Types come from the
// core zod schemas (type-only imports, so nothing server-side reaches a browser bundle).
import type { Agent } from "@rehome/core/agent";
import type { Auth } from "@rehome/core/auth";
import type { Project } from "@rehome/core/project";
import type { Realtime } from "@rehome/core/realtime";
import type { Summary } from "@rehome/core/summary";
import type { Task } from "@rehome/core/task";
import type { User } from "@rehome/core/user";
import type { z } from "zod";

type Out<S extends z.ZodType> = z.infer<S>;
export type ProjectInfo = Out<typeof Project.Info>;
export type TaskInfo = Out<typeof Task.Info>;
export type UserInfo = Out<typeof User.Info>;
export type AgentThread = Out<typeof Agent.Thread>;
export type AgentMessage = Out<typeof Agent.AgentMessage>;
export type AgentAsked = Out<typeof Agent.Asked>;
export type SummaryInfo = Out<typeof Summary.Info>;
export type Page<T> = { items: T[]; nextCursor?: string };

/** The one error shape of the API, as a throwable. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly requestId: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

export interface ClientOptions {
  baseUrl: string;
  token?: () => string | undefined;
  fetch?: (url: string, init?: RequestInit) => Promise<Response>;
}

export function createClient(options: ClientOptions) {
  const doFetch = options.fetch ?? ((url: string, init?: RequestInit) => fetch(url, init));
  async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
    const headers: Record<string, string> = { Accept: "application/json" };
    const token = options.token?.();
    if (token) headers.Authorization = `Bearer ${token}`;
    if (body !== undefined) headers["Content-Type"] = "application/json";
    const response = await doFetch(`${options.baseUrl}${path}`, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (response.status === 204) return undefined as T;
    const data = await response.json().catch(() => undefined);
    if (!response.ok) {
      const error = (
        data as { error?: { code: string; message: string; requestId: string; details?: unknown } }
      )?.error;
      throw new ApiError(
        response.status,
        error?.code ?? "http_error",
        error?.message ?? response.statusText,
        error?.requestId ?? "",
        error?.details,
      );
    }
    return data as T;
  }
  const query = (params: Record<string, string | number | undefined>) => {
    const entries = Object.entries(params).filter(([, v]) => v !== undefined) as [string, string][];
    return entries.length ? `?${new URLSearchParams(entries)}` : "";
  };

  return {
    login: (input: z.input<typeof Auth.LoginInput>) =>
      request<Out<typeof Auth.LoginResult>>("POST", "/api/login", input),
    logout: () => request<void>("POST", "/api/logout"),
    me: () => request<UserInfo>("GET", "/api/me"),
    projects: {
      list: (cursor?: string) => request<Page<ProjectInfo>>("GET", `/api/projects${query({ cursor })}`),
      get: (id: string) => request<ProjectInfo>("GET", `/api/projects/${id}`),
      create: (input: z.input<typeof Project.CreateInput>) =>
        request<ProjectInfo>("POST", "/api/projects", input),
    },
    tasks: {
      list: (projectId: string, cursor?: string) =>
        request<Page<TaskInfo>>("GET", `/api/projects/${projectId}/tasks${query({ cursor, limit: 200 })}`),
      create: (projectId: string, input: z.input<typeof Task.CreateInput>) =>
        request<TaskInfo>("POST", `/api/projects/${projectId}/tasks`, input),
      update: (projectId: string, taskId: string, input: z.input<typeof Task.UpdateInput>) =>
        request<TaskInfo>("PATCH", `/api/projects/${projectId}/tasks/${taskId}`, input),
      remove: (projectId: string, taskId: string) =>
        request<void>("DELETE", `/api/projects/${projectId}/tasks/${taskId}`),
    },
    agent: {
      threads: (projectId: string) =>
        request<{ items: AgentThread[] }>("GET", `/api/projects/${projectId}/agent/threads`),
      createThread: (projectId: string, title?: string) =>
        request<AgentThread>("POST", `/api/projects/${projectId}/agent/threads`, title ? { title } : {}),
      messages: (threadId: string) =>
        request<{ items: AgentMessage[] }>("GET", `/api/agent/threads/${threadId}/messages`),
      ask: (threadId: string, content: string) =>
        request<AgentAsked>("POST", `/api/agent/threads/${threadId}/messages`, { content }),
      cancel: (runId: string) => request<unknown>("POST", `/api/agent/runs/${runId}/cancel`),
    },
    summaries: (projectId: string) =>
      request<{ items: SummaryInfo[] }>("GET", `/api/projects/${projectId}/summaries`),
    realtime: {
      ticket: () => request<Out<typeof Realtime.TicketResult>>("POST", "/api/realtime/ticket"),
    },
  };
}

export type Client = ReturnType<typeof createClient>;
