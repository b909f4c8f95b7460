// The agent: threads (renamed, archived, restored by their author), questions (answers stream
// over the realtime channel), cancel, digests, and drafts a person edits before saving.
import type { Agent } from "@rehome/core/agent";
import type * as z from "zod";
import { type Request, seg } from "../http";
import type {
  AgentAsked,
  AgentMessage,
  AgentRun,
  AgentThread,
  DraftInfo,
  List,
  SummaryInfo,
  TaskInfo,
} from "../types";

type ThreadInput = z.input<typeof Agent.CreateThreadInput>;
type ThreadUpdate = z.input<typeof Agent.UpdateThreadInput>;
/** `archived: true` lists the archived threads instead of the open ones. */
type ThreadsQuery = { archived?: boolean };

export const agent = (request: Request) => ({
  agent: {
    /** Your open (or archived) threads of a project, newest first. */
    threads: (projectId: string, query?: ThreadsQuery) =>
      request<List<AgentThread>>("GET", `/api/projects/${seg(projectId)}/agent/threads`, undefined, query),
    createThread: (projectId: string, input: ThreadInput = {}) =>
      request<AgentThread>("POST", `/api/projects/${seg(projectId)}/agent/threads`, input),
    /** Your open (or archived) workspace-wide admin-agent threads. */
    workspaceThreads: (query?: ThreadsQuery) =>
      request<List<AgentThread>>("GET", "/api/agent/threads", undefined, query),
    createWorkspaceThread: (input: ThreadInput = {}) =>
      request<AgentThread>("POST", "/api/agent/threads", input),
    thread: (threadId: string) => request<AgentThread>("GET", `/api/agent/threads/${seg(threadId)}`),
    /** Rename, archive (`status: "archived"`) or restore (`"open"`) a thread of yours. */
    updateThread: (threadId: string, input: ThreadUpdate) =>
      request<AgentThread>("PATCH", `/api/agent/threads/${seg(threadId)}`, input),
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
    /** 202: staff's meeting notes; the summary arrives as `agent.summary.ready` on the project. */
    meeting: (projectId: string, input: { title?: string; notes: string }) =>
      request<{ summaryId: string }>("POST", `/api/projects/${seg(projectId)}/meetings`, input),
    /** Creates a meeting summary's proposed task, as the caller. */
    confirm: (projectId: string, summaryId: string, index: number) =>
      request<TaskInfo>(
        "POST",
        `/api/projects/${seg(projectId)}/summaries/${seg(summaryId)}/proposals/${index}/confirm`,
      ),
    /** Weekly rollups of the workspace (admins), newest first. */
    workspace: (workspaceId: string) =>
      request<List<SummaryInfo>>("GET", `/api/workspaces/${seg(workspaceId)}/summaries`),
    /** Queues this week's rollup now (admins); it is listed under `summaryId` once written. */
    writeWeekly: (workspaceId: string) =>
      request<{ summaryId: string }>("POST", `/api/workspaces/${seg(workspaceId)}/summaries`),
  },
  drafts: {
    /** 202: a change order drafted from these messages; it arrives as `agent.draft.ready` on your channel. */
    changeOrder: (projectId: string, messageIds: string[]) =>
      request<{ draftId: string }>("POST", `/api/projects/${seg(projectId)}/drafts/change-order`, {
        messageIds,
      }),
    /** 202: today's update for the homeowner, drafted from client-visible items only. */
    clientUpdate: (projectId: string) =>
      request<{ draftId: string }>("POST", `/api/projects/${seg(projectId)}/drafts/client-update`),
    /** A draft you asked for (anyone else's: 404). */
    get: (projectId: string, draftId: string) =>
      request<DraftInfo>("GET", `/api/projects/${seg(projectId)}/drafts/${seg(draftId)}`),
  },
});
