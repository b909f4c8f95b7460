// The payload of each event, by channel kind, from the event definitions declared next to
// their entities in core (type-only, like every core import here).
import type { Agent } from "@rehome/core/agent";
import type { ChangeOrder } from "@rehome/core/change-order";
import type { Draft } from "@rehome/core/draft";
import type { EventPayload } from "@rehome/core/event";
import type { File } from "@rehome/core/file";
import type { Message } from "@rehome/core/message";
import type { Notification } from "@rehome/core/notification";
import type { Project } from "@rehome/core/project";
import type { Risks } from "@rehome/core/risks";
import type { SiteLog } from "@rehome/core/site-log";
import type { Summary } from "@rehome/core/summary";
import type { Task } from "@rehome/core/task";

/**
 * `private-projects.{projectId}`. Internal items' events reach only staff; a client gets
 * `*.shown` (the item) when one turns client-visible and `*.hidden` (its id) when it turns internal.
 */
export interface ProjectEvents {
  "task.created": EventPayload<typeof Task.Events.Created>;
  "task.updated": EventPayload<typeof Task.Events.Updated>;
  "task.moved": EventPayload<typeof Task.Events.Moved>;
  "task.deleted": EventPayload<typeof Task.Events.Deleted>;
  "task.shown": EventPayload<typeof Task.Events.Shown>;
  "task.hidden": EventPayload<typeof Task.Events.Hidden>;
  "message.sent": EventPayload<typeof Message.Events.Sent>;
  "message.updated": EventPayload<typeof Message.Events.Updated>;
  "message.deleted": EventPayload<typeof Message.Events.Deleted>;
  "message.shown": EventPayload<typeof Message.Events.Shown>;
  "message.hidden": EventPayload<typeof Message.Events.Hidden>;
  "file.uploaded": EventPayload<typeof File.Events.Uploaded>;
  "file.updated": EventPayload<typeof File.Events.Updated>;
  "file.deleted": EventPayload<typeof File.Events.Deleted>;
  "file.shown": EventPayload<typeof File.Events.Shown>;
  "file.hidden": EventPayload<typeof File.Events.Hidden>;
  "project.updated": EventPayload<typeof Project.Events.Updated>;
  /** A draft's events reach staff only; every payload is without the internal note. */
  "change_order.created": EventPayload<typeof ChangeOrder.Events.Created>;
  "change_order.updated": EventPayload<typeof ChangeOrder.Events.Updated>;
  "change_order.sent": EventPayload<typeof ChangeOrder.Events.Sent>;
  "change_order.withdrawn": EventPayload<typeof ChangeOrder.Events.Withdrawn>;
  "change_order.approved": EventPayload<typeof ChangeOrder.Events.Approved>;
  "change_order.declined": EventPayload<typeof ChangeOrder.Events.Declined>;
  "sitelog.created": EventPayload<typeof SiteLog.Events.Created>;
  "sitelog.updated": EventPayload<typeof SiteLog.Events.Updated>;
  "sitelog.shown": EventPayload<typeof SiteLog.Events.Shown>;
  "sitelog.hidden": EventPayload<typeof SiteLog.Events.Hidden>;
  "agent.summary.ready": EventPayload<typeof Summary.Events.Ready>;
}

/** `private-users.{userId}`; admins also hear each new weekly rollup and risk report of their workspace here. */
export interface UserEvents {
  "notification.created": EventPayload<typeof Notification.Events.Created>;
  "agent.summary.ready": EventPayload<typeof Summary.Events.Ready>;
  "agent.risks.ready": EventPayload<typeof Risks.Events.Ready>;
  "agent.draft.ready": EventPayload<typeof Draft.Events.Ready>;
}

/** Whispers on `presence-projects.{projectId}` (relayed to the other members only). */
export interface ProjectWhispers {
  typing: { typing: boolean };
}

/** `private-agent-threads.{threadId}` */
export interface AgentThreadEvents {
  "agent.message.created": EventPayload<typeof Agent.Events.MessageCreated>;
  "agent.message.delta": EventPayload<typeof Agent.Events.Delta>;
  "agent.message.rewound": EventPayload<typeof Agent.Events.Rewound>;
  "agent.message.checkpoint": EventPayload<typeof Agent.Events.Checkpoint>;
  "agent.message.completed": EventPayload<typeof Agent.Events.Completed>;
  "agent.run.failed": EventPayload<typeof Agent.Events.Failed>;
  "agent.run.cancelled": EventPayload<typeof Agent.Events.Cancelled>;
}

/** Callbacks for some of a channel's events. */
export type EventHandlers<Events> = { [E in keyof Events]?: (data: Events[E]) => void };
