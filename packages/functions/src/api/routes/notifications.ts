// The caller's notifications: list (optionally unread only), mark one or all read.
import { createRoute, z } from "@hono/zod-openapi";
import { Notification } from "@rehome/core/notification";
import { router } from "../context";
import { bearer, errors, Id, json, page } from "../openapi";

const tags = ["Notifications"];

export const notifications = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/api/notifications",
      tags,
      security: bearer,
      request: { query: Notification.ListInput },
      responses: { 200: json(page(Notification.Info), "Your notifications, newest first"), ...errors },
    }),
    async (c) => c.json(await Notification.list(c.get("actor"), c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/notifications/read-all",
      tags,
      security: bearer,
      responses: { 200: json(z.object({ marked: z.number().int() }), "Marked read"), ...errors },
    }),
    async (c) => c.json({ marked: await Notification.markAllRead(c.get("actor")) }, 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/notifications/{notificationId}/read",
      tags,
      security: bearer,
      request: { params: z.object({ notificationId: Id }) },
      responses: { 200: json(Notification.Info, "Marked read"), ...errors },
    }),
    async (c) =>
      c.json(await Notification.markRead(c.get("actor"), c.req.valid("param").notificationId), 200),
  );
