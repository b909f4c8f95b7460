// A project's message thread: newest first, post, edit or delete your own within the window.
import { createRoute, z } from "@hono/zod-openapi";
import { Message } from "@rehome/core/message";
import { router } from "../context";
import { bearer, ErrorSchema, errors, Id, json, jsonBody, page } from "../openapi";

const ProjectParams = z.object({ id: Id });
const MessageParams = z.object({ id: Id, messageId: Id });
const tags = ["Messages"];

export const messages = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/api/projects/{id}/messages",
      tags,
      security: bearer,
      request: { params: ProjectParams, query: Message.ListInput },
      responses: { 200: json(page(Message.Info), "Messages, newest first"), ...errors },
    }),
    async (c) =>
      c.json(await Message.list(c.get("actor"), c.req.valid("param").id, c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "post",
      path: "/api/projects/{id}/messages",
      tags,
      security: bearer,
      request: { params: ProjectParams, ...jsonBody(Message.MessageInput) },
      responses: { 201: json(Message.Info, "Posted; mentioned people are notified"), ...errors },
    }),
    async (c) =>
      c.json(await Message.send(c.get("actor"), c.req.valid("param").id, c.req.valid("json")), 201),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/api/projects/{id}/messages/{messageId}",
      tags,
      security: bearer,
      request: { params: MessageParams, ...jsonBody(Message.EditInput) },
      responses: {
        200: json(Message.Info, "Edited"),
        422: json(ErrorSchema, "The edit window has closed"),
        ...errors,
      },
    }),
    async (c) => {
      const { id, messageId } = c.req.valid("param");
      return c.json(await Message.edit(c.get("actor"), id, messageId, c.req.valid("json")), 200);
    },
  )
  .openapi(
    createRoute({
      method: "delete",
      path: "/api/projects/{id}/messages/{messageId}",
      tags,
      security: bearer,
      request: { params: MessageParams },
      responses: {
        204: { description: "Deleted" },
        422: json(ErrorSchema, "The edit window has closed"),
        ...errors,
      },
    }),
    async (c) => {
      const { id, messageId } = c.req.valid("param");
      await Message.remove(c.get("actor"), id, messageId);
      return c.body(null, 204);
    },
  );
