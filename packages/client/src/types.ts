// The API's data as the client sees it, inferred from core's zod schemas (type-only imports:
// nothing of core runs in a browser).
import type { Activity } from "@rehome/core/activity";
import type { Agent } from "@rehome/core/agent";
import type { Audit } from "@rehome/core/audit";
import type { Auth } from "@rehome/core/auth";
import type { Budget } from "@rehome/core/budget";
import type { ChangeOrder } from "@rehome/core/change-order";
import type { Draft } from "@rehome/core/draft";
import type { File } from "@rehome/core/file";
import type { Invite } from "@rehome/core/invite";
import type { Message } from "@rehome/core/message";
import type { Notification } from "@rehome/core/notification";
import type { Project } from "@rehome/core/project";
import type { Risks } from "@rehome/core/risks";
import type { SiteLog } from "@rehome/core/site-log";
import type { Standing } from "@rehome/core/standing";
import type { Summary } from "@rehome/core/summary";
import type { Task } from "@rehome/core/task";
import type { User } from "@rehome/core/user";
import type * as z from "zod";

export type UserInfo = z.infer<typeof User.Info>;
/** The signed-in person: their user plus their own preferences (`digestEmails`). */
export type Me = z.infer<typeof User.Me>;
export type Role = UserInfo["role"];
export type LoginResult = z.infer<typeof Auth.LoginResult>;
export type ApiTokenInfo = z.infer<typeof Auth.ApiTokenInfo>;
export type CreatedApiToken = z.infer<typeof Auth.CreatedApiToken>;
export type InviteInfo = z.infer<typeof Invite.Info>;
/** A project with your role on it (`myRole`), which decides what you may do there. */
export type ProjectInfo = z.infer<typeof Project.View>;
/** Where a project stands for you: the projects page's card. */
export type ProjectStanding = z.infer<typeof Standing.Info>;
export type Assignment = z.infer<typeof Project.Assignment>;
export type TaskInfo = z.infer<typeof Task.Info>;
export type TaskStatus = TaskInfo["status"];
export type MessageInfo = z.infer<typeof Message.Info>;
export type FileInfo = z.infer<typeof File.Info>;
/** A file as a message shows it. */
export type AttachmentInfo = z.infer<typeof File.Attachment>;
export type UploadTicket = z.infer<typeof File.UploadTicket>;
export type FileDownload = z.infer<typeof File.Download>;
/** A change order; `internalNote` only for staff, `decision` once the client decided. */
export type ChangeOrderInfo = z.infer<typeof ChangeOrder.Info>;
export type ChangeOrderState = ChangeOrderInfo["state"];
export type ProjectTotals = z.infer<typeof ChangeOrder.Totals>;
/** A day's site log; `photos` only those the reader may see. */
export type SiteLogInfo = z.infer<typeof SiteLog.Info>;
export type ActivityInfo = z.infer<typeof Activity.Info>;
export type AuditEntry = z.infer<typeof Audit.Info>;
export type NotificationInfo = z.infer<typeof Notification.Info>;
export type AgentThread = z.infer<typeof Agent.Thread>;
export type AgentMessage = z.infer<typeof Agent.AgentMessage>;
export type AgentRun = z.infer<typeof Agent.AgentRun>;
export type AgentAsked = z.infer<typeof Agent.Asked>;
export type SummaryInfo = z.infer<typeof Summary.Info>;
/** The assistant's draft of a change order or a client update, for the person who asked. */
export type DraftInfo = z.infer<typeof Draft.Info>;
/** Risks & Blockers: the risks now, each with the assistant's note or why there is none. */
export type RiskReport = z.infer<typeof Risks.Report>;
export type RiskEntry = z.infer<typeof Risks.Entry>;
/** Agent budgets in cents (fractions allowed); 0 means no limit. */
export type Budgets = z.infer<typeof Budget.Budgets>;
export type UsageReport = z.infer<typeof Budget.UsageReport>;
/** A workspace's AI model, the fallback, and the models on offer with their prices (cents per MTok). */
export type AiSettings = z.infer<typeof Budget.AiSettings>;

/** A page of a list endpoint; pass `nextCursor` back as `cursor` for the next one. */
export type Page<T> = { items: T[]; nextCursor?: string };
export type List<T> = { items: T[] };
export type PageQuery = { cursor?: string; limit?: number };
