// The agent: threads, questions (answers stream over the realtime channel), cancel, digests.
import type { Agent } from "@rehome/core/agent";
import type { z } from "zod";
import { type Request, seg } from "../http";
import type { AgentAsked, AgentMessage, AgentRun, AgentThread, List, SummaryInfo } from "../types";

type ThreadInput = z.input<typeof Agent.CreateThreadInput>;

export const agent = (request: Request) => ({
  agent: {
    /** A project's threads (participants), newest first. */
    threads: (projectId: string) =>
      request<List<AgentThread>>("GET", `/api/projects/${seg(projectId)}/agent/threads`),
    createThread: (projectId: string, input: ThreadInput = {}) =>
      request<AgentThread>("POST", `/api/projects/${seg(projectId)}/agent/threads`, input),
    /** The admin agent's workspace-wide threads. */
    workspaceThreads: () => request<List<AgentThread>>("GET", "/api/agent/threads"),
    createWorkspaceThread: (input: ThreadInput = {}) =>
      request<AgentThread>("POST", "/api/agent/threads", input),
    thread: (threadId: string) => request<AgentThread>("GET", `/api/agent/threads/${seg(threadId)}`),
    /** Oldest first; a streaming answer carries its checkpoint (`content`, `lastSeq`). */
    messages: (threadId: string) =>
      request<List<AgentMessage>>("GET", `/api/agent/threads/${seg(threadId)}/messages`),
    /** 202: the answer streams on `private-agent-threads.{threadId}`. */
    ask: (threadId: string, input: z.input<typeof Agent.AskInput>) =>
      request<AgentAsked>("POST", `/api/agent/threads/${seg(threadId)}/messages`, input),
    cancel: (runId: string) => request<AgentRun>("POST", `/api/agent/runs/${seg(runId)}/cancel`),
  },
  summaries: {
    /** Daily digests of a project, newest first. */
    project: (projectId: string) =>
      request<List<SummaryInfo>>("GET", `/api/projects/${seg(projectId)}/summaries`),
    /** Weekly rollups of the workspace (admins), newest first. */
    workspace: (workspaceId: string) =>
      request<List<SummaryInfo>>("GET", `/api/workspaces/${seg(workspaceId)}/summaries`),
  },
});
