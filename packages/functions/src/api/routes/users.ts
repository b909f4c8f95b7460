// People of the workspace (admins): list, show, change name, role or active status.
import { createRoute, z } from "@hono/zod-openapi";
import { User } from "@rehome/core/user";
import { router } from "../context";
import { bearer, ErrorSchema, errors, Id, json, jsonBody, page } from "../openapi";

const UserParams = z.object({ userId: Id });
const tags = ["Admin"];

export const users = router()
  .openapi(
    createRoute({
      method: "get",
      path: "/api/users",
      tags,
      security: bearer,
      request: { query: User.ListInput },
      responses: { 200: json(page(User.Info), "The workspace's people"), ...errors },
    }),
    async (c) => c.json(await User.list(c.get("actor"), c.req.valid("query")), 200),
  )
  .openapi(
    createRoute({
      method: "get",
      path: "/api/users/{userId}",
      tags,
      security: bearer,
      request: { params: UserParams },
      responses: { 200: json(User.Info, "The person"), ...errors },
    }),
    async (c) => c.json(await User.show(c.get("actor"), c.req.valid("param").userId), 200),
  )
  .openapi(
    createRoute({
      method: "patch",
      path: "/api/users/{userId}",
      tags,
      security: bearer,
      request: { params: UserParams, ...jsonBody(User.UpdateInput) },
      responses: {
        200: json(User.Info, "Changed; a deactivated person's tokens and sockets end at once"),
        409: json(ErrorSchema, "Your own admin access was removed meanwhile, or the change met another"),
        422: json(ErrorSchema, "Not a change an admin can make (e.g. demoting yourself)"),
        ...errors,
      },
    }),
    async (c) =>
      c.json(await User.update(c.get("actor"), c.req.valid("param").userId, c.req.valid("json")), 200),
  );
