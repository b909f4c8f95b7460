// The typed HTTP client of the ReHome API, one method per endpoint, for the SPA, the CLI and
// tests. Types come from core's zod schemas through type-only imports, so no server code
// (AWS SDK, ElectroDB) can reach a browser bundle.
import type { Agent } from "@rehome/core/agent";
import type { Auth } from "@rehome/core/auth";
import type { Project } from "@rehome/core/project";
import type { Realtime } from "@rehome/core/realtime";
import type { Summary } from "@rehome/core/summary";
import type { Task } from "@rehome/core/task";
import type { User } from "@rehome/core/user";
import type { z } from "zod";
import { createTransport, seg, type TransportOptions } from "./http";

export type ProjectInfo = z.infer<typeof Project.Info>;
export type TaskInfo = z.infer<typeof Task.Info>;
export type TaskStatus = TaskInfo["status"];
export type UserInfo = z.infer<typeof User.Info>;
export type Role = UserInfo["role"];
export type AgentThread = z.infer<typeof Agent.Thread>;
export type AgentMessage = z.infer<typeof Agent.AgentMessage>;
export type AgentRun = z.infer<typeof Agent.AgentRun>;
export type AgentAsked = z.infer<typeof Agent.Asked>;
export type SummaryInfo = z.infer<typeof Summary.Info>;
export type LoginResult = z.infer<typeof Auth.LoginResult>;
export type Page<T> = { items: T[]; nextCursor?: string };
export type List<T> = { items: T[] };
export type PageQuery = { cursor?: string; limit?: number };

export type ClientOptions = TransportOptions;

export function createClient(options: ClientOptions) {
  const request = createTransport(options);
  return {
    login: (input: z.input<typeof Auth.LoginInput>) => request<LoginResult>("POST", "/api/login", input),
    logout: () => request<void>("POST", "/api/logout"),
    me: () => request<UserInfo>("GET", "/api/me"),
    projects: {
      list: (query?: PageQuery) => request<Page<ProjectInfo>>("GET", "/api/projects", undefined, query),
      get: (id: string) => request<ProjectInfo>("GET", `/api/projects/${seg(id)}`),
      create: (input: z.input<typeof Project.CreateInput>) =>
        request<ProjectInfo>("POST", "/api/projects", input),
    },
    tasks: {
      list: (projectId: string, query?: PageQuery) =>
        request<Page<TaskInfo>>("GET", `/api/projects/${seg(projectId)}/tasks`, undefined, query),
      create: (projectId: string, input: z.input<typeof Task.CreateInput>) =>
        request<TaskInfo>("POST", `/api/projects/${seg(projectId)}/tasks`, input),
      update: (projectId: string, taskId: string, input: z.input<typeof Task.UpdateInput>) =>
        request<TaskInfo>("PATCH", `/api/projects/${seg(projectId)}/tasks/${seg(taskId)}`, input),
      remove: (projectId: string, taskId: string) =>
        request<void>("DELETE", `/api/projects/${seg(projectId)}/tasks/${seg(taskId)}`),
    },
    agent: {
      /** A project's threads (participants), newest first. */
      threads: (projectId: string) =>
        request<List<AgentThread>>("GET", `/api/projects/${seg(projectId)}/agent/threads`),
      createThread: (projectId: string, input: z.input<typeof Agent.CreateThreadInput> = {}) =>
        request<AgentThread>("POST", `/api/projects/${seg(projectId)}/agent/threads`, input),
      /** The admin agent's workspace-wide threads. */
      workspaceThreads: () => request<List<AgentThread>>("GET", "/api/agent/threads"),
      createWorkspaceThread: (input: z.input<typeof Agent.CreateThreadInput> = {}) =>
        request<AgentThread>("POST", "/api/agent/threads", input),
      thread: (threadId: string) => request<AgentThread>("GET", `/api/agent/threads/${seg(threadId)}`),
      /** Oldest first; a streaming answer carries its checkpoint (`content`, `lastSeq`). */
      messages: (threadId: string) =>
        request<List<AgentMessage>>("GET", `/api/agent/threads/${seg(threadId)}/messages`),
      ask: (threadId: string, input: z.input<typeof Agent.AskInput>) =>
        request<AgentAsked>("POST", `/api/agent/threads/${seg(threadId)}/messages`, input),
      cancel: (runId: string) => request<AgentRun>("POST", `/api/agent/runs/${seg(runId)}/cancel`),
    },
    summaries: {
      project: (projectId: string) =>
        request<List<SummaryInfo>>("GET", `/api/projects/${seg(projectId)}/summaries`),
      workspace: (workspaceId: string) =>
        request<List<SummaryInfo>>("GET", `/api/workspaces/${seg(workspaceId)}/summaries`),
    },
    realtime: {
      ticket: () => request<z.infer<typeof Realtime.TicketResult>>("POST", "/api/realtime/ticket"),
    },
  };
}

export type Client = ReturnType<typeof createClient>;
