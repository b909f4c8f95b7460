// What belongs to a person or the whole workspace: notifications, the audit log, the agent's
// cost, budgets and model, Risks & Blockers, and the ticket that opens a realtime connection.
import type { Realtime } from "@rehome/core/realtime";
import type * as z from "zod";
import { type Request, seg } from "../http";
import type {
  AiSettings,
  AuditEntry,
  Budgets,
  NotificationInfo,
  Page,
  PageQuery,
  RiskReport,
  UsageReport,
} from "../types";

// Inferred from core's zod schemas (types.ts); re-exported for callers that import them from here.
export type { AiSettings, Budgets, RiskReport, UsageReport };

export const workspace = (request: Request) => ({
  /** The agent's cost in `month` (`YYYY-MM`, default this month), for admins of that workspace. */
  usage: (workspaceId: string, month?: string) =>
    request<UsageReport>("GET", `/api/workspaces/${seg(workspaceId)}/usage`, undefined, { month }),
  budgets: (workspaceId: string) => request<Budgets>("GET", `/api/workspaces/${seg(workspaceId)}/budgets`),
  /** Replaces all three budgets; returns them as saved. */
  setBudgets: (workspaceId: string, body: Budgets) =>
    request<Budgets>("PUT", `/api/workspaces/${seg(workspaceId)}/budgets`, body),
  /** The model in force, the fallback, and the models an admin may choose with their prices. */
  aiSettings: (workspaceId: string) =>
    request<AiSettings>("GET", `/api/workspaces/${seg(workspaceId)}/ai-settings`),
  /** Chooses the workspace's model from those on offer (422 for any other). */
  chooseModel: (workspaceId: string, model: string) =>
    request<AiSettings>("PUT", `/api/workspaces/${seg(workspaceId)}/ai-settings`, { model }),
  risks: {
    /** Blocked and overdue tasks, projects at risk and the AI budget, with the assistant's notes (admins). */
    get: (workspaceId: string) => request<RiskReport>("GET", `/api/workspaces/${seg(workspaceId)}/risks`),
    /** 202: a new report; it arrives as `agent.risks.ready` on each admin's own channel. */
    refresh: (workspaceId: string) =>
      request<{ reportId: string }>("POST", `/api/workspaces/${seg(workspaceId)}/risks`),
  },
  notifications: {
    /** Newest first; `unread: true` for the unread ones only. */
    list: (query?: PageQuery & { unread?: boolean }) =>
      request<Page<NotificationInfo>>("GET", "/api/notifications", undefined, query),
    read: (notificationId: string) =>
      request<NotificationInfo>("POST", `/api/notifications/${seg(notificationId)}/read`),
    readAll: () => request<{ marked: number }>("POST", "/api/notifications/read-all"),
  },
  audit: {
    /** Admin actions and admin-agent questions, newest first (admins). */
    list: (query?: PageQuery) => request<Page<AuditEntry>>("GET", "/api/audit", undefined, query),
  },
  realtime: {
    /** A single-use ticket (60 s) and the WebSocket URL to open with `?ticket=`. */
    ticket: () => request<z.infer<typeof Realtime.TicketResult>>("POST", "/api/realtime/ticket"),
  },
});
