// What belongs to a person or the whole workspace: notifications, the audit log, and the
// ticket that opens a realtime connection.
import type { Realtime } from "@rehome/core/realtime";
import type { z } from "zod";
import { type Request, seg } from "../http";
import type { AuditEntry, NotificationInfo, Page, PageQuery } from "../types";

export const workspace = (request: Request) => ({
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
